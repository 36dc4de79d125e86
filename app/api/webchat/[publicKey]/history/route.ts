import { handleWebchatHistory } from "@/server/channels/webchat/handle-history";
import { preflightResponse } from "@/server/channels/webchat/webchat-http";
import { webchatRoute } from "@/server/channels/webchat/webchat-route";

export const dynamic = "force-dynamic";

export const GET = webchatRoute(handleWebchatHistory);
export const OPTIONS = () => preflightResponse();
