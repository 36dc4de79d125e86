import { ImportWizard } from "@/components/contacts/import/import-wizard";

export default function Page() {
  return <ImportWizard />;
}
