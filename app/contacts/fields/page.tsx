import { FieldDefinitionsPage } from "@/components/contacts/field-definitions-page";

export default function Page() {
  return <FieldDefinitionsPage />;
}
