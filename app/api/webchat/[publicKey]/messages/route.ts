import { handleWebchatMessage } from "@/server/channels/webchat/handle-message";
import { preflightResponse } from "@/server/channels/webchat/webchat-http";
import { webchatRoute } from "@/server/channels/webchat/webchat-route";

export const dynamic = "force-dynamic";

export const POST = webchatRoute((database, publicKey, request) => handleWebchatMessage(database, publicKey, request));
export const OPTIONS = () => preflightResponse();
