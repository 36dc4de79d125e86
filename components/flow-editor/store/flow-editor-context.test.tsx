import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { FlowEditorProvider, useFlowEditor, useFlowEditorStore } from "./flow-editor-context";
import { createFlowEditorStore } from "./flow-editor-store";
import { testDocument } from "./test-document";

function FlowName() {
  // A fresh object each render: compared shallowly, so this does not loop.
  const { name, nodes } = useFlowEditor((state) => ({ name: state.document.settings.name, nodes: Object.keys(state.document.nodes).length }));
  const store = useFlowEditorStore();
  return <p>{`${name} (${nodes} steps, ${store.getState().flowId})`}</p>;
}

describe("FlowEditorProvider", () => {
  it("gives components below it their document's store", () => {
    const store = createFlowEditorStore({ flowId: "flow-1", document: testDocument(), revision: 1 });
    const html = renderToString(
      <FlowEditorProvider store={store}>
        <FlowName />
      </FlowEditorProvider>,
    );
    expect(html).toContain("Lunch (5 steps, flow-1)");
  });

  it("says what is wrong when used outside a provider", () => {
    expect(() => renderToString(<FlowName />)).toThrow(/FlowEditorProvider/);
  });
});
