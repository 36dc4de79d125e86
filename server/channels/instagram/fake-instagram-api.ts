import { startFakeMessagingApi, type FakeMessagingApi, type FakeMessagingApiOptions } from "../meta/fake-messaging-api";

// A local Instagram Send API: Messenger's checks with Instagram's limits (text ≤ 1000 bytes, no file
// attachments, no `is_reusable`), answering `{ recipient_id, message_id }`.
export function startFakeInstagramApi(options: FakeMessagingApiOptions = {}): Promise<FakeMessagingApi> {
  return startFakeMessagingApi("instagram", options);
}
