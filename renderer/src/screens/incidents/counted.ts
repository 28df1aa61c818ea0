// A count with its noun, singular or plural as the number asks: "1 event", "2 events", "1,204 events".
export function counted(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

/** Progress towards a total, the noun agreeing with the total: "1 of 1 event", "3 of 1,204 events". */
export function countedOf(done: number, total: number, one: string, many = `${one}s`): string {
  return `${done.toLocaleString('en')} of ${counted(total, one, many)}`;
}
