using Kezek.Core.Identity;
using Kezek.Core.Regions;
using Kezek.Core.Results;
using Kezek.Workflows.Access;

namespace Kezek.UnitTests.Access;

public sealed class AccessPolicyTests
{
    private static readonly Kindergarten Balapan = new(Guid.NewGuid(), "almaty", "123456789012", "Балапан", "Балапан", "Абая 1", "kk,ru",
        Ownership.State);

    private static Viewer Person(params HeldRole[] roles) => new("900101300123", "ТЕСТОВ ТЕСТ", null, roles);

    [Fact]
    public void A_kindergartens_own_staff_act_as_its_staff()
    {
        var actor = AccessPolicy.ForKindergarten(Person(new HeldRole(Role.KindergartenStaff, null, Balapan.Bin)), Balapan);

        Assert.Equal(Role.KindergartenStaff, actor?.Role);
    }

    [Fact]
    public void Staff_of_another_kindergarten_may_not_act_for_it()
    {
        Assert.Null(AccessPolicy.ForKindergarten(Person(new HeldRole(Role.KindergartenStaff, null, "999999999999")), Balapan));
    }

    [Fact]
    public void An_operator_acts_for_the_kindergartens_of_their_region_only()
    {
        Assert.Equal(Role.Operator, AccessPolicy.ForKindergarten(Person(new HeldRole(Role.Operator, "almaty", null)), Balapan)?.Role);
        Assert.Null(AccessPolicy.ForKindergarten(Person(new HeldRole(Role.Operator, "astana", null)), Balapan));
    }

    [Fact]
    public void An_administrator_acts_for_any_kindergarten()
    {
        Assert.Equal(Role.Administrator, AccessPolicy.ForKindergarten(Person(new HeldRole(Role.Administrator, null, null)), Balapan)?.Role);
    }

    [Fact]
    public void A_policy_officer_changes_their_own_regions_rule_set_but_not_another_nor_the_default()
    {
        var officer = Person(new HeldRole(Role.PolicyOfficer, "almaty", null));

        Assert.Equal(Role.PolicyOfficer, AccessPolicy.ForRuleSet(officer, "almaty").Value.Role);
        Assert.Equal(ErrorCodes.Forbidden, AccessPolicy.ForRuleSet(officer, "astana").Error?.Code);
        Assert.Equal(ErrorCodes.Forbidden, AccessPolicy.ForRuleSet(officer, "default").Error?.Code);
    }

    [Fact]
    public void An_administrator_changes_any_rule_set_including_the_default()
    {
        var administrator = Person(new HeldRole(Role.Administrator, null, null));

        Assert.Equal(Role.Administrator, AccessPolicy.ForRuleSet(administrator, "default").Value.Role);
        Assert.Equal(Role.Administrator, AccessPolicy.ForRuleSet(administrator, "astana").Value.Role);
    }

    [Fact]
    public void A_policy_officer_edits_a_lifecycle_only_when_every_region_running_it_is_theirs()
    {
        var officer = Person(new HeldRole(Role.PolicyOfficer, "almaty", null), new HeldRole(Role.PolicyOfficer, "astana", null));

        Assert.Equal(Role.PolicyOfficer, AccessPolicy.ForLifecycle(officer, ["almaty", "astana"]).Value.Role);
        Assert.Equal(ErrorCodes.Forbidden, AccessPolicy.ForLifecycle(officer, ["almaty", "shymkent"]).Error?.Code);
        Assert.Equal(ErrorCodes.Forbidden, AccessPolicy.ForLifecycle(officer, []).Error?.Code);
    }

    [Fact]
    public void An_administrator_edits_any_lifecycle_even_one_no_region_runs()
    {
        Assert.Equal(Role.Administrator, AccessPolicy.ForLifecycle(Person(new HeldRole(Role.Administrator, null, null)), []).Value.Role);
    }

    [Fact]
    public void Only_an_administrator_acts_as_one()
    {
        Assert.Equal(Role.Administrator, AccessPolicy.AsAdministrator(Person(new HeldRole(Role.Administrator, null, null))).Value.Role);
        Assert.Equal(ErrorCodes.Forbidden, AccessPolicy.AsAdministrator(Person(new HeldRole(Role.Operator, "almaty", null))).Error?.Code);
    }

    [Fact]
    public void The_endpoints_gate_asks_only_whether_a_role_is_held_in_some_scope()
    {
        var operatorOfAstana = Person(new HeldRole(Role.Operator, "astana", null));

        Assert.True(AccessPolicy.HoldsAny(operatorOfAstana, [Role.KindergartenStaff, Role.Operator]));
        Assert.False(AccessPolicy.HoldsAny(operatorOfAstana, [Role.Administrator]));
    }
}
