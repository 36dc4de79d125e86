import { startFakeMessagingApi, type FakeMessagingApi, type FakeMessagingApiOptions } from "../meta/fake-messaging-api";

// A local Messenger Send API: checks each request as Meta does (token, recipient, messaging_type, text
// ≤ 2000, quick replies ≤ 13 with titles ≤ 20) and answers `{ recipient_id, message_id }`.
export function startFakeMessengerApi(options: FakeMessagingApiOptions = {}): Promise<FakeMessagingApi> {
  return startFakeMessagingApi("messenger", options);
}
