using System.Xml;
using Kezek.Identity.Signatures;

namespace Kezek.UnitTests.Signatures;

public sealed class ActionDocumentTests
{
    private static ActionDocument? Read(string xml)
    {
        var document = new XmlDocument { PreserveWhitespace = true };
        document.LoadXml(xml);
        return ActionDocument.Read(document);
    }

    [Fact]
    public void Fields_may_come_in_any_order()
    {
        var document = Read("""
            <action xmlns="urn:kezek:action:1">
              <placeId>42</placeId>
              <name>chooseKindergarten</name>
              <applicationNumber>ALM.2026.000001.1</applicationNumber>
              <nonce>abc</nonce>
            </action>
            """);

        Assert.NotNull(document);
        Assert.Equal("chooseKindergarten", document.Name);
        Assert.Equal("abc", document.Nonce);
        Assert.True(document.HasExactly([new("applicationNumber", "ALM.2026.000001.1"), new("placeId", "42")]));
    }

    [Fact]
    public void Nested_inputs_and_lists_are_paths_and_repeated_elements_in_the_lists_order()
    {
        var xml = ActionDocument.Action("x", "n", [new("outer/inner", "1"), new("tag", "a"), new("tag", "b")]);
        var document = Read(xml)!;

        Assert.Contains("<outer><inner>1</inner></outer>", xml, StringComparison.Ordinal);
        // Fields in any order, but a list's elements in its order: a ranking signed as a, b is not b, a.
        Assert.True(document.HasExactly([new("tag", "a"), new("outer/inner", "1"), new("tag", "b")]));
        Assert.False(document.HasExactly([new("tag", "b"), new("outer/inner", "1"), new("tag", "a")]));
        Assert.False(document.HasExactly([new("tag", "a"), new("outer/inner", "1")]));
    }

    [Fact]
    public void An_extra_missing_or_different_field_does_not_match()
    {
        var document = Read(ActionDocument.Action("x", "n", [new("a", "1"), new("b", "2")]))!;

        Assert.False(document.HasExactly([new("a", "1")]));
        Assert.False(document.HasExactly([new("a", "1"), new("b", "2"), new("c", "3")]));
        Assert.False(document.HasExactly([new("a", "1"), new("b", "2 ")]));
    }

    [Theory]
    [InlineData("<action xmlns=\"urn:kezek:action:1\"><name>a</name><name>b</name><nonce>n</nonce></action>")]
    [InlineData("<action xmlns=\"urn:kezek:action:1\"><name>a</name><nonce>n</nonce><nonce>m</nonce></action>")]
    [InlineData("<action xmlns=\"urn:kezek:action:1\"><nonce>n</nonce></action>")]
    [InlineData("<action xmlns=\"urn:other\"><name>a</name><nonce>n</nonce></action>")]
    [InlineData("<action xmlns=\"urn:kezek:action:1\"><name>a</name><nonce>n</nonce><x xmlns=\"urn:other\">1</x></action>")]
    [InlineData("<login xmlns=\"urn:kezek:action:1\"><nonce>n</nonce><extra>1</extra></login>")]
    [InlineData("<login xmlns=\"urn:kezek:action:1\"><nonce><b>n</b></nonce></login>")]
    public void Documents_of_another_shape_are_not_read(string xml) => Assert.Null(Read(xml));

    [Fact]
    public void A_login_carries_only_its_nonce()
    {
        var document = Read(ActionDocument.Login("n-42"))!;

        Assert.Equal(ActionDocument.LoginKind, document.Kind);
        Assert.Equal("n-42", document.Nonce);
        Assert.Empty(document.Fields);
    }
}
