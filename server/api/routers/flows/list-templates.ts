import { starterTemplates } from "@/flows-runtime";

// The gallery: each template with its one-line description and its document, which the client draws
// as a small preview.
export function listTemplates() {
  return starterTemplates.map((template) => {
    const document = template.build();
    return { id: template.id, name: template.name, description: template.description, document };
  });
}
