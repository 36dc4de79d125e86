export type Query = <Row = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<Row[]>;

export type RecordedEntryPoint = { id: string; ref: string; flowId: string | null };

// Called by the pipeline when an event carries a ref (or a LINE follow, which carries none): finds the
// channel's entry point with that ref and makes it the contact's first entry point if the contact has
// none yet, in one statement. Returns the entry point (also when the contact already had one), so the
// caller can match triggers on its id as well as on the ref. A LINE follow (ref null) is attributed to
// the LINE channel's oldest entry point, since LINE add-friend links carry no parameter.
export async function recordEntryPoint(
  query: Query,
  input: { workspaceId: string; channelId: string; contactId: string; ref: string | null | undefined },
): Promise<RecordedEntryPoint | null> {
  const ref = input.ref?.trim() || null;
  const rows = await query<{ id: string; ref: string; flow_id: string | null }>(
    `with ep as (
       select e.id, e.ref, e.flow_id from entry_points e join channels ch on ch.id = e.channel_id
       where e.workspace_id = $1 and e.channel_id = $2
         and (e.ref = $4 or ($4::text is null and ch.type = 'line'))
       order by e.created_at, e.id limit 1
     ), attributed as (
       update contacts set entry_point_id = (select id from ep)
       where id = $3 and workspace_id = $1 and entry_point_id is null and exists (select 1 from ep)
       returning id
     )
     select id, ref, flow_id from ep`,
    [input.workspaceId, input.channelId, input.contactId, ref],
  );
  const row = rows[0];
  return row ? { id: row.id, ref: row.ref, flowId: row.flow_id } : null;
}
