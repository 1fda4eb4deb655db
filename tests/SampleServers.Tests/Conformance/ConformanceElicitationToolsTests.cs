using ModelContextProtocol.Protocol;
using TaskActors.SampleServers.Tests.Harness;
using Xunit;

namespace TaskActors.SampleServers.Tests.Conformance;

/// <summary>
/// The elicitation fixtures send exactly the shapes the suite's TS SDK client keeps: it parses each property with a
/// union that takes the first matching branch and strips unknown keys, so an extra key can turn one shape into another.
/// The SDK adds <c>mode: "form"</c>, which that client accepts.
/// </summary>
public sealed class ConformanceElicitationToolsTests : SampleServersTest
{
    [Fact]
    public async Task Elicitation_AsksForUsernameAndEmail_AndReportsTheAnswer()
    {
        await using var host = await StartHostAsync();
        var client = new RecordingClientChannel().Answer(
            RequestMethods.ElicitationCreate,
            """{"action":"accept","content":{"username":"testuser","email":"test@example.com"}}""");

        var outcome = await host.CallToolAsync(new ToolCall("test_elicitation") { Arguments = """{"mode":"form","message":"Please provide your information"}""" }, client, TestCancellation);

        var request = Assert.Single(client.Requests);
        Assert.Equal(RequestMethods.ElicitationCreate, request.Method);
        JsonAssert.Equal(
            """
            {"mode":"form","message":"Please provide your information",
             "requestedSchema":{"type":"object",
               "properties":{"username":{"type":"string","description":"User's response"},"email":{"type":"string","description":"User's email address"}},
               "required":["username","email"]}}
            """,
            request.Params);
        JsonAssert.Equal(
            """{"content":[{"type":"text","text":"User response: action=accept, content={\"username\":\"testuser\",\"email\":\"test@example.com\"}"}]}""",
            outcome.Result);
    }

    [Fact]
    public async Task Elicitation_ReportsADecline()
    {
        await using var host = await StartHostAsync();
        var client = new RecordingClientChannel().Answer(RequestMethods.ElicitationCreate, """{"action":"decline"}""");

        var result = await host.CallToolResultAsync(new ToolCall("test_elicitation") { Arguments = """{"message":"Who?"}""" }, client, TestCancellation);

        Assert.Equal("User response: action=decline, content={}", result.SingleText());
    }

    [Fact]
    public async Task Sep1034Defaults_SendsADefaultForEachPrimitiveType()
    {
        await using var host = await StartHostAsync();
        var client = new RecordingClientChannel().Answer(
            RequestMethods.ElicitationCreate,
            """{"action":"accept","content":{"name":"Jane Smith","age":25,"score":88.0,"status":"inactive","verified":false}}""");

        var outcome = await host.CallToolAsync(new ToolCall("test_elicitation_sep1034_defaults") { Arguments = "{}" }, client, TestCancellation);

        var request = Assert.Single(client.Requests);
        JsonAssert.Equal(
            """
            {"mode":"form","message":"Please review and update the form fields with defaults",
             "requestedSchema":{"type":"object","properties":{
               "name":{"type":"string","description":"User name","default":"John Doe"},
               "age":{"type":"integer","description":"User age","default":30},
               "score":{"type":"number","description":"User score","default":95.5},
               "status":{"type":"string","description":"User status","enum":["active","inactive","pending"],"default":"active"},
               "verified":{"type":"boolean","description":"Verification status","default":true}},
             "required":[]}}
            """,
            request.Params);
        var age = JsonAssert.Property(JsonAssert.Property(JsonAssert.Property(request.Params, "requestedSchema"), "properties"), "age");
        Assert.Equal("30", age.GetProperty("default").GetRawText());
        JsonAssert.Equal(
            """{"content":[{"type":"text","text":"Elicitation completed: action=accept, content={\"name\":\"Jane Smith\",\"age\":25,\"score\":88.0,\"status\":\"inactive\",\"verified\":false}"}]}""",
            outcome.Result);
    }

    [Fact]
    public async Task Sep1330Enums_SendsEachEnumShape_WithOnlyItsOwnKeys()
    {
        await using var host = await StartHostAsync();
        var client = new RecordingClientChannel().Answer(
            RequestMethods.ElicitationCreate,
            """{"action":"accept","content":{"untitledSingle":"option1","titledSingle":"value1","legacyEnum":"opt1","untitledMulti":["option1","option2"],"titledMulti":["value1","value2"]}}""");

        var outcome = await host.CallToolAsync(new ToolCall("test_elicitation_sep1330_enums") { Arguments = "{}" }, client, TestCancellation);

        var request = Assert.Single(client.Requests);
        JsonAssert.Equal(
            """
            {"mode":"form","message":"Please select options from the enum fields",
             "requestedSchema":{"type":"object","properties":{
               "untitledSingle":{"type":"string","description":"Select one option","enum":["option1","option2","option3"]},
               "titledSingle":{"type":"string","description":"Select one option with titles",
                 "oneOf":[{"const":"value1","title":"First Option"},{"const":"value2","title":"Second Option"},{"const":"value3","title":"Third Option"}]},
               "legacyEnum":{"type":"string","description":"Select one option (legacy)","enum":["opt1","opt2","opt3"],"enumNames":["Option One","Option Two","Option Three"]},
               "untitledMulti":{"type":"array","description":"Select multiple options","minItems":1,"maxItems":3,
                 "items":{"type":"string","enum":["option1","option2","option3"]}},
               "titledMulti":{"type":"array","description":"Select multiple options with titles","minItems":1,"maxItems":3,
                 "items":{"anyOf":[{"const":"value1","title":"First Choice"},{"const":"value2","title":"Second Choice"},{"const":"value3","title":"Third Choice"}]}}},
             "required":[]}}
            """,
            request.Params);
        JsonAssert.Equal(
            """{"content":[{"type":"text","text":"Elicitation completed: action=accept, content={\"untitledSingle\":\"option1\",\"titledSingle\":\"value1\",\"legacyEnum\":\"opt1\",\"untitledMulti\":[\"option1\",\"option2\"],\"titledMulti\":[\"value1\",\"value2\"]}"}]}""",
            outcome.Result);
    }
}
