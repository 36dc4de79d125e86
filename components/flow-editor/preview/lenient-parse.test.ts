import { describe, expect, it } from "vitest";
import { render } from "@/flows-runtime";
import { questionNode } from "@/flows-runtime/nodes/question/question";
import { lenientParse } from "./lenient-parse";

describe("channel preview data", () => {
  it("still previews a question's buttons while an unrelated field is invalid", () => {
    const data = { prompt: "Plan?", answerType: "choice", maxAttempts: 20, choices: [{ id: "a", label: "Starter" }, { label: "no id" }] };
    const parsed = lenientParse(questionNode.data, data);
    expect(parsed?.partial).toBe(true);
    const message = questionNode.messages?.(parsed?.data as never)[0];
    const rendered = render(message!, "whatsapp");
    expect(rendered.parts).toEqual([{ kind: "buttons", text: "Plan?", buttons: [expect.objectContaining({ label: "Starter" })] }]);
  });
});
