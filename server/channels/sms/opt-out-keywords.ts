// Twilio's default opt-out and opt-in keywords. The message must be the keyword alone (any case,
// surrounding spaces ignored): "stop sending me deals" is an ordinary message.
//
// SMS opt-out is the law (TCPA in the US, CASL in Canada, and similar rules elsewhere): the runtime
// must record an "unfollow" from these as the contact's opt-out and send that contact nothing more,
// from any flow or broadcast, until a "follow" (START / YES / UNSTOP) arrives. Twilio itself also
// blocks sends to an opted-out number (error 21610), which send() reports as a permanent error.
const optOut = new Set(["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"]);
const optIn = new Set(["START", "YES", "UNSTOP"]);

export function optOutKeyword(body: string, optOutType: string | null): "unfollow" | "follow" | undefined {
  // With Advanced Opt-Out, Twilio tells us which list (possibly custom) keyword matched.
  const type = optOutType?.toUpperCase();
  if (type === "STOP") return "unfollow";
  if (type === "START") return "follow";
  const word = body.trim().toUpperCase();
  if (optOut.has(word)) return "unfollow";
  if (optIn.has(word)) return "follow";
  return undefined;
}
