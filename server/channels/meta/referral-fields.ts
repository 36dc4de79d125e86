import { jsonReader, type JsonObject } from "./json-reader";

const { string } = jsonReader;

// Click-to-Messenger ads carry an ad id and only sometimes a ref; the ad id then stands in for it.
export function refOf(referral: JsonObject | undefined): { ref?: string } {
  const ref = string(referral?.ref) ?? string(referral?.ad_id);
  return ref ? { ref } : {};
}

export function referralContext(referral: JsonObject | undefined): Record<string, string | undefined> {
  if (!referral) return {};
  return {
    referralSource: string(referral.source),
    referralType: string(referral.type),
    adId: string(referral.ad_id),
    refererUri: string(referral.referer_uri),
  };
}
