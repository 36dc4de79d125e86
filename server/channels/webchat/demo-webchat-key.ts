// Well known on purpose: the /demo page embeds the widget with it, so a new user can talk to the
// demo workspace's published flow without connecting any outside account.
export const DEMO_WEBCHAT_KEY = "demo-webchat";
