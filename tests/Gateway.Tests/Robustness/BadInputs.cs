using System.Buffers.Text;
using System.Text;
using System.Text.Json.Nodes;

namespace TaskActors.Gateway.Tests.Robustness;

/// <summary>
/// The table of bad inputs: every method the gateway serves, with each string made invalid (lone surrogates, invalid
/// UTF-8), each parameter given the wrong JSON type, deep nesting and out-of-range numbers, a broken envelope, forged
/// Last-Event-IDs and malformed Mcp-Session-Ids. The parameter types are written down here from the MCP schema
/// (2025-11-25), not read from the gateway, so a gateway that forgets one fails.
/// </summary>
public static class BadInputs
{
    private const int ParseError = -32700;
    private const int InvalidRequest = -32600;
    private const int InvalidParams = -32602;
    private const string Marker = "\"@@BAD@@\"";
    private const string KeyMarker = "@@KEY@@";
    private const string UnknownTask = "0123456789abcdef0123456789abcdef";

    /// <summary>Escaped lone surrogates: valid JSON text that decodes to no Unicode string.</summary>
    private static readonly string[] LoneSurrogates = [@"""a\ud800b""", @"""\udc00""", @"""\ud800\ud800x"""];

    /// <summary>Bytes that are not UTF-8: a bad continuation, an encoded surrogate (CESU-8), a byte UTF-8 never uses.</summary>
    private static readonly byte[][] InvalidUtf8 = [[(byte)'"', 0xC3, 0x28, (byte)'"'], [(byte)'"', 0xED, 0xA0, 0x80, (byte)'"'], [(byte)'"', (byte)'a', 0xFF, (byte)'"']];

    /// <summary>Every method, with valid params and the type of each parameter.</summary>
    private static readonly Method[] Methods =
    [
        new("initialize", """{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"t","version":"1"}}""", [Req("protocolVersion", Kind.String), Req("capabilities", Kind.Object), Req("clientInfo", Kind.Object), Req("clientInfo.name", Kind.String), Req("clientInfo.version", Kind.String)]),
        new("ping", """{"_meta":{"progressToken":"p"}}""", []),
        new("tools/list", """{"cursor":"c"}""", [Opt("cursor", Kind.String)]),
        new("tools/call", """{"name":"echo","arguments":{"text":"hi"},"_meta":{"progressToken":"p"}}""", [Req("name", Kind.String), Opt("arguments", Kind.Object)]),
        new("tools/call", """{"name":"wait","arguments":{"milliseconds":1},"task":{"ttl":60000}}""", [Req("name", Kind.String), Opt("task", Kind.Object), Opt("task.ttl", Kind.Milliseconds)], "task"),
        new("prompts/list", """{"cursor":"c"}""", [Opt("cursor", Kind.String)]),
        new("prompts/get", """{"name":"greet","arguments":{"name":"ann"}}""", [Req("name", Kind.String), Opt("arguments", Kind.Object), Opt("arguments.name", Kind.String)]),
        new("resources/list", """{"cursor":"c"}""", [Opt("cursor", Kind.String)]),
        new("resources/templates/list", """{"cursor":"c"}""", [Opt("cursor", Kind.String)]),
        new("resources/read", """{"uri":"fixture://alpha"}""", [Req("uri", Kind.String)]),
        new("resources/subscribe", """{"uri":"fixture://alpha"}""", [Req("uri", Kind.String)]),
        new("resources/unsubscribe", """{"uri":"fixture://alpha"}""", [Req("uri", Kind.String)]),
        new("tasks/get", $$"""{"taskId":"{{UnknownTask}}"}""", [Req("taskId", Kind.String)]),
        new("tasks/result", $$"""{"taskId":"{{UnknownTask}}"}""", [Req("taskId", Kind.String)]),
        new("tasks/cancel", $$"""{"taskId":"{{UnknownTask}}"}""", [Req("taskId", Kind.String)]),
        new("tasks/list", """{"cursor":"c"}""", [Opt("cursor", Kind.String)]),
        new("logging/setLevel", """{"level":"info"}""", [Req("level", Kind.String)]),
        new("completion/complete", """{"ref":{"type":"ref/prompt","name":"greet"},"argument":{"name":"name","value":"a"},"context":{"arguments":{"x":"y"}}}""", [Req("ref", Kind.Object), Req("ref.type", Kind.String), Opt("ref.name", Kind.String), Req("argument", Kind.Object), Req("argument.name", Kind.String), Req("argument.value", Kind.String), Opt("context", Kind.Object), Opt("context.arguments", Kind.Object), Opt("context.arguments.x", Kind.String)]),
        new("notifications/initialized", """{"_meta":{"note":"n"}}""", [], Notification: true),
        new("notifications/cancelled", """{"requestId":"r1","reason":"because"}""", [Opt("requestId", Kind.RequestId), Opt("reason", Kind.String)], Notification: true),
    ];

    /// <summary>The wrong values for each kind of parameter.</summary>
    private static readonly Dictionary<Kind, string[]> WrongValues = new()
    {
        [Kind.String] = ["7", "true", "{}", "[]"],
        [Kind.Object] = ["\"x\"", "7", "[]"],
        [Kind.Milliseconds] = ["\"60000\"", "true", "1e400", "-1", "1.5"],
        [Kind.RequestId] = ["true", "{}", "[]"],
    };

    private static readonly Lazy<Dictionary<string, BadInput>> All = new(() => Build().ToDictionary(c => c.Name, StringComparer.Ordinal));

    public static IEnumerable<string> Names => All.Value.Keys;

    public static BadInput Get(string name) => All.Value[name];

    private static IEnumerable<BadInput> Build()
    {
        foreach (var method in Methods)
        {
            foreach (var input in ForMethod(method))
            {
                yield return input;
            }
        }

        foreach (var input in Envelope().Concat(Batches()).Concat(ClientResponses()).Concat(LastEventIds()).Concat(SessionIds()))
        {
            yield return input;
        }
    }

    private static IEnumerable<BadInput> ForMethod(Method method)
    {
        var label = method.Label;
        foreach (var path in StringPaths(method.Message()))
        {
            foreach (var (surrogate, i) in LoneSurrogates.Select((s, i) => (s, i)))
            {
                yield return method.With($"{label}: lone surrogate #{i} in {path}", ParseError, path, Encoding.UTF8.GetBytes(surrogate));
            }

            foreach (var (bytes, i) in InvalidUtf8.Select((b, i) => (b, i)))
            {
                yield return method.With($"{label}: invalid UTF-8 #{i} in {path}", ParseError, path, bytes);
            }
        }

        foreach (var path in NamePaths(method.Message()))
        {
            yield return method.WithName($"{label}: lone surrogate in the name {path}", path, Encoding.UTF8.GetBytes(@"""n\udfffame"""));
            yield return method.WithName($"{label}: invalid UTF-8 in the name {path}", path, [(byte)'"', (byte)'n', 0xC0, 0xAF, (byte)'"']);
        }

        var rules = method.Notification ? method.Rules : [.. method.Rules, Opt("_meta", Kind.Object), Opt("_meta.progressToken", Kind.RequestId)];
        foreach (var rule in rules)
        {
            var path = "params." + rule.Path;
            foreach (var wrong in WrongValues[rule.Kind])
            {
                yield return method.With($"{label}: {path} = {wrong}", InvalidParams, path, Encoding.UTF8.GetBytes(wrong), create: true);
            }

            if (rule.Required)
            {
                yield return method.With($"{label}: {path} = null", InvalidParams, path, "null"u8.ToArray(), create: true);
                yield return method.Without($"{label}: {path} missing", path);
            }
        }

        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 70)) + "1" + new string('}', 70);
        yield return method.With($"{label}: params._meta nested 70 deep", ParseError, "params._meta", Encoding.UTF8.GetBytes(deep), create: true);
    }

    private static IEnumerable<BadInput> Envelope()
    {
        var ping = Methods.Single(m => m.Name == "ping");
        foreach (var (path, values) in new (string, string[])[]
        {
            ("id", ["true", "{}", "[]", "null"]),
            ("method", ["7", "\"\"", "null", "[]"]),
            ("jsonrpc", ["\"1.0\"", "2", "null"]),
            ("params", ["\"x\"", "7", "[]", "true"]),
        })
        {
            foreach (var value in values)
            {
                yield return ping.With($"envelope: {path} = {value}", InvalidRequest, path, Encoding.UTF8.GetBytes(value), create: true);
            }
        }

        yield return new BadInput("envelope: a byte that starts no JSON token", 400, ParseError) { Body = [.. "{\"jsonrpc\":\"2.0\","u8, 0xFF, .. "}"u8] };
        yield return new BadInput("envelope: arrays nested 1000 deep", 400, ParseError) { Body = Encoding.UTF8.GetBytes(new string('[', 1000) + new string(']', 1000)) };
        yield return new BadInput("envelope: a duplicated member", 400, ParseError) { Body = """{"jsonrpc":"2.0","id":"req-1","method":"tools/call","params":{"name":"echo","name":"add","arguments":{"text":"x"}}}"""u8.ToArray() };
        yield return new BadInput("envelope: a number as the body", 400, InvalidRequest) { Body = "1e400"u8.ToArray() };
    }

    private static IEnumerable<BadInput> Batches()
    {
        yield return new BadInput("batch (2025-03-26): lone surrogate in the second request", 400, ParseError)
        {
            Version = "2025-03-26",
            Body = """[{"jsonrpc":"2.0","id":1,"method":"ping"},{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"ec\ud800ho"}}]"""u8.ToArray(),
        };
        yield return new BadInput("batch (2025-03-26): a request without method", 400, InvalidRequest)
        {
            Version = "2025-03-26",
            Body = """[{"jsonrpc":"2.0","id":1,"method":"ping"},{"jsonrpc":"2.0","id":2}]"""u8.ToArray(),
        };
        yield return new BadInput("batch (2025-11-25): not allowed", 400, InvalidRequest) { Body = """[{"jsonrpc":"2.0","id":1,"method":"ping"}]"""u8.ToArray() };
    }

    private static IEnumerable<BadInput> ClientResponses()
    {
        static byte[] Answer(string id, string rest) => Encoding.UTF8.GetBytes($$"""{"jsonrpc":"2.0","id":"{{id}}",{{rest}}}""");
        var garbage = "ti." + Base64("no-task-key") + ".1";
        var foreign = "ti." + Base64("someone%7Celse/" + UnknownTask) + ".1";
        yield return new BadInput("response: an input-request id naming no task key", 400, InvalidRequest) { Body = Answer(garbage, "\"result\":{}") };
        yield return new BadInput("response: an input-request id of another scope", 400, InvalidRequest) { Body = Answer(foreign, "\"result\":{}") };
        yield return new BadInput("response: an id this server never issued", 400, InvalidRequest) { Body = Answer("elsewhere-1", "\"result\":{}") };
        yield return new BadInput("response: error.code a string", 400, InvalidRequest) { Body = Answer(foreign, """ "error":{"code":"x","message":"m"}""") };
        yield return new BadInput("response: error.code out of range", 400, InvalidRequest) { Body = Answer(foreign, """ "error":{"code":1e400,"message":"m"}""") };
        yield return new BadInput("response: error.message a number", 400, InvalidRequest) { Body = Answer(foreign, """ "error":{"code":1,"message":5}""") };
        yield return new BadInput("response: error not an object", 400, InvalidRequest) { Body = Answer(foreign, "\"error\":7") };
    }

    private static IEnumerable<BadInput> LastEventIds()
    {
        static BadInput Get(string name, int status, Func<string, string> lastEventId) =>
            new(name, status, InvalidRequest) { Method = HttpMethod.Get, LastEventId = lastEventId };
        var request = Base64("\"req-1\"");
        yield return Get("Last-Event-ID: garbage", 400, _ => "garbage");
        yield return Get("Last-Event-ID: unknown kind", 400, s => $"x.abc.{Base64(s)}.{request}.0.1");
        yield return Get("Last-Event-ID: grain key not base64", 400, _ => $"c.abc.!!!.{request}.0.1");
        yield return Get("Last-Event-ID: grain key no task key", 400, _ => $"c.abc.{Base64("nokey")}.{request}.0.1");
        yield return Get("Last-Event-ID: request id not JSON", 400, _ => $"c.abc.{Base64("anon/" + UnknownTask)}.{Base64("{{")}.0.1");
        yield return Get("Last-Event-ID: request id an object", 400, _ => $"c.abc.{Base64("anon/" + UnknownTask)}.{Base64("{}")}.0.1");
        yield return Get("Last-Event-ID: request id with a lone surrogate", 400, _ => $"c.abc.{Base64("anon/" + UnknownTask)}.{Base64("\"\\ud800\"")}.0.1");
        yield return Get("Last-Event-ID: grain key not UTF-8", 400, _ => $"c.abc.{Base64Url.EncodeToString([0xFF, 0xFE])}.{request}.0.1");
        yield return Get("Last-Event-ID: cursor beyond Int64", 400, s => $"s.abc.{Base64(s)}..99999999999999999999.1");
        yield return Get("Last-Event-ID: negative cursor", 400, s => $"s.abc.{Base64(s)}..-1.1");
        yield return Get("Last-Event-ID: seven parts", 400, s => $"s.abc.{Base64(s)}..0.1.2");
        yield return Get("Last-Event-ID: non-ASCII", 400, _ => "s.äbc.ü..0.1");
        yield return Get("Last-Event-ID: another session's standalone stream", 404, _ => $"s.abc.{Base64("another-session")}..0.1");
        yield return Get("Last-Event-ID: another scope's task stream", 404, _ => $"r.abc.{Base64("someone%7Celse/" + UnknownTask)}.{request}.0.1");
        yield return Get("Last-Event-ID: another session's call stream", 404, _ => $"c.abc.{Base64("anon/call-AAAAAAAAAAAAAAAAAAAAAAAA")}.{request}.0.1");
    }

    private static IEnumerable<BadInput> SessionIds()
    {
        string[] malformed = ["has space", "ünïcode", new('a', 200), "tab\there"];
        var ping = Encoding.UTF8.GetBytes("""{"jsonrpc":"2.0","id":"req-1","method":"ping"}""");
        foreach (var (value, i) in malformed.Select((v, i) => (v, i)))
        {
            KeyValuePair<string, string>[] header = [new("Mcp-Session-Id", value)];
            yield return new BadInput($"Mcp-Session-Id malformed #{i} on POST", 400, InvalidRequest) { Body = ping, Headers = header };
            yield return new BadInput($"Mcp-Session-Id malformed #{i} on GET", 400, InvalidRequest) { Method = HttpMethod.Get, Headers = header };
            yield return new BadInput($"Mcp-Session-Id malformed #{i} on DELETE", 400, InvalidRequest) { Method = HttpMethod.Delete, Headers = header };
        }

        yield return new BadInput("Mcp-Session-Id twice on POST", 400, InvalidRequest) { Body = ping, Headers = [new("Mcp-Session-Id", "a"), new("Mcp-Session-Id", "b")] };
    }

    private static IEnumerable<string> StringPaths(JsonNode node, string path = "")
    {
        switch (node)
        {
            case JsonObject obj:
                return obj.SelectMany(p => StringPaths(p.Value!, Join(path, p.Key)));
            case JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String:
                return [path];
            default:
                return [];
        }
    }

    private static IEnumerable<string> NamePaths(JsonNode node, string path = "") =>
        node is JsonObject obj
            ? obj.SelectMany(p => (path.StartsWith("params", StringComparison.Ordinal) || path.Length == 0 ? [Join(path, p.Key)] : Array.Empty<string>()).Concat(NamePaths(p.Value!, Join(path, p.Key))))
            : [];

    private static string Join(string path, string key) => path.Length == 0 ? key : path + "." + key;

    private static string Base64(string text) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));

    private static Rule Req(string path, Kind kind) => new(path, kind, true);

    private static Rule Opt(string path, Kind kind) => new(path, kind, false);

    private enum Kind
    {
        String,
        Object,
        Milliseconds,
        RequestId,
    }

    private sealed record Rule(string Path, Kind Kind, bool Required);

    private sealed record Method(string Name, string Params, Rule[] Rules, string? Variant = null, bool Notification = false)
    {
        public string Label => Variant is null ? Name : $"{Name} ({Variant})";

        public JsonObject Message()
        {
            var message = new JsonObject { ["jsonrpc"] = "2.0" };
            if (!Notification)
            {
                message["id"] = "req-1";
            }

            message["method"] = Name;
            message["params"] = JsonNode.Parse(Params);
            return message;
        }

        /// <summary>This method's message with the value at <paramref name="path"/> replaced by raw bytes.</summary>
        public BadInput With(string name, int code, string path, byte[] value, bool create = false)
        {
            var message = Message();
            var (parent, key) = Locate(message, path, create);
            if (!create && !parent.ContainsKey(key))
            {
                throw new InvalidOperationException($"{Label} has no {path}.");
            }

            parent[key] = "@@BAD@@";
            return Input(name, code, Splice(message.ToJsonString(), Marker, value));
        }

        public BadInput WithName(string name, string path, byte[] rawName)
        {
            var message = Message();
            var (parent, key) = Locate(message, path);
            var value = parent[key]!.DeepClone();
            parent.Remove(key);
            parent[KeyMarker] = value;
            return Input(name, ParseError, Splice(message.ToJsonString(), $"\"{KeyMarker}\"", rawName));
        }

        public BadInput Without(string name, string path)
        {
            var message = Message();
            var (parent, key) = Locate(message, path);
            parent.Remove(key);
            return Input(name, InvalidParams, Encoding.UTF8.GetBytes(message.ToJsonString()));
        }

        private BadInput Input(string name, int code, byte[] body) => new(name, 400, code) { Body = body, Sessionless = Name == "initialize" };

        private static (JsonObject Parent, string Key) Locate(JsonObject message, string path, bool create = false)
        {
            var parts = path.Split('.');
            var parent = message;
            foreach (var part in parts[..^1])
            {
                if (create && !parent.ContainsKey(part))
                {
                    parent[part] = new JsonObject();
                }

                parent = parent[part] as JsonObject ?? throw new InvalidOperationException($"No object at {part} of {path}.");
            }

            return (parent, parts[^1]);
        }

        private static byte[] Splice(string json, string marker, byte[] value)
        {
            var at = json.IndexOf(marker, StringComparison.Ordinal);
            return [.. Encoding.UTF8.GetBytes(json[..at]), .. value, .. Encoding.UTF8.GetBytes(json[(at + marker.Length)..])];
        }
    }
}
