// What the e2e clients' fetch wrappers need to know of a request the TS SDK sends.

/** The JSON-RPC method of a fetch's init: a POST's `method` ('response' for a client's answer), else the HTTP method. */
export function jsonRpcMethodOf(init) {
  try {
    return init?.method === 'POST' ? JSON.parse(init.body)?.method ?? 'response' : init?.method ?? 'GET';
  } catch {
    return 'POST';
  }
}
