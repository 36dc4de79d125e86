// Viber sends message_token as a JSON number that can exceed 2^53 (e.g. 5098034272017990000 loses its
// last digits through JSON.parse). Quote it in the raw text first. Inside a JSON string every `"` is
// escaped, so `"message_token":` can only match a real key, never text a contact typed.
const bareToken = /"message_token"(\s*):(\s*)(-?\d+)/g;

export function parseViberJson(raw: string): unknown {
  return JSON.parse(raw.replace(bareToken, '"message_token"$1:$2"$3"'));
}
