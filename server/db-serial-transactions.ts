// A transaction runs on one PostgreSQL connection, and PostgreSQL answers one statement at a
// time on it. Prisma's query interpreter still sends a select's relations as parallel queries
// (its join nodes map over their children), and inside a transaction those land on that one
// connection together: node-postgres queues them, warns that this queueing is deprecated, and
// pg@9 will refuse it. So every statement of a transaction waits for the previous one here:
// the order is the order of the calls, whatever the library does, and the driver never sees
// two at once. Outside transactions each query takes its own pooled connection already.
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";

/** Chains calls so each starts after the previous one has settled (success or failure). */
function oneAtATime() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(run: () => Promise<T>): Promise<T> => {
    const next = tail.then(run, run);
    tail = next.catch(() => undefined);
    return next;
  };
}

function serialTransaction(tx: Transaction): Transaction {
  const inTurn = oneAtATime();
  return new Proxy(tx, {
    get(target, property) {
      if (property === "queryRaw") return (query: SqlQuery) => inTurn(() => target.queryRaw(query));
      if (property === "executeRaw") return (query: SqlQuery) => inTurn(() => target.executeRaw(query));
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

function withSerialTransactions(adapter: SqlDriverAdapter): SqlDriverAdapter {
  return new Proxy(adapter, {
    get(target, property) {
      if (property === "startTransaction") {
        return async (...args: Parameters<SqlDriverAdapter["startTransaction"]>) => serialTransaction(await target.startTransaction(...args));
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** The adapter factory, whose connections' transactions send one statement at a time. */
export function serialTransactions<F extends SqlDriverAdapterFactory>(factory: F): F {
  return new Proxy(factory, {
    get(target, property) {
      if (property === "connect") return async () => withSerialTransactions(await target.connect());
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
