import { handleWebchatStream } from "@/server/channels/webchat/handle-stream";
import { preflightResponse } from "@/server/channels/webchat/webchat-http";
import { webchatRoute } from "@/server/channels/webchat/webchat-route";

export const dynamic = "force-dynamic";

export const GET = webchatRoute((database, publicKey, request) => handleWebchatStream(database, publicKey, request));
export const OPTIONS = () => preflightResponse();
