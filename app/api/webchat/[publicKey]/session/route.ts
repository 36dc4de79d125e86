import { handleWebchatSession } from "@/server/channels/webchat/handle-session";
import { preflightResponse } from "@/server/channels/webchat/webchat-http";
import { webchatRoute } from "@/server/channels/webchat/webchat-route";

export const dynamic = "force-dynamic";

export const POST = webchatRoute(handleWebchatSession);
export const OPTIONS = () => preflightResponse();
