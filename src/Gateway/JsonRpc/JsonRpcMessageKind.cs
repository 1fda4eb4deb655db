namespace TaskActors.Gateway.JsonRpc;

/// <summary>The four kinds of JSON-RPC message.</summary>
internal enum JsonRpcMessageKind
{
    Request,
    Notification,
    Response,
    Error,
}
