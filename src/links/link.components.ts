/**
 * Connected components of records joined by links: a person is one
 * component, named by its smallest record id. Pure.
 */
export function components(recordIds: readonly string[], links: ReadonlyArray<readonly [string, string]>): string[][] {
  const parent = new Map<string, string>(recordIds.map((id) => [id, id]));
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    while (parent.get(x) !== root) {
      const next = parent.get(x)!;
      parent.set(x, root);
      x = next;
    }
    return root;
  };
  for (const [a, b] of links) {
    if (!parent.has(a) || !parent.has(b)) continue;
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(Number(ra) < Number(rb) ? rb : ra, Number(ra) < Number(rb) ? ra : rb);
  }
  const groups = new Map<string, string[]>();
  for (const id of recordIds) groups.set(find(id), [...(groups.get(find(id)) ?? []), id]);
  return [...groups.values()].map((g) => g.sort((x, y) => Number(x) - Number(y)));
}

/** The person id of a component: its smallest record id. */
export const personIdOf = (component: readonly string[]): string => component.reduce((m, id) => (Number(id) < Number(m) ? id : m));
