using System.Text.Json;
using Paddock.Core.Blueprints;
using Paddock.Core.Stacks;
using Paddock.Core.Tests.Blueprints;

namespace Paddock.Core.Tests.Stacks;

public class PlannerTests
{
    private static readonly DesiredState Desired = StackStates.Desired(StackStates.ThreeTier());

    [Fact]
    public void A_new_stack_creates_everything_in_dependency_levels()
    {
        var plan = Planner.Plan(Desired, ObservedState.Empty);

        plan.Changes.ShouldAllBe(c => c.Action == ChangeAction.Create && c.Reason == "missing");
        plan.Levels.Select(l => l.Changes.Select(c => c.Resource).ToArray()).ShouldBe(
        [
            ["network", "volume/pgdata"],
            ["db-1"],
            ["api-1"],
            ["web-1"],
        ]);
    }

    [Fact]
    public void Reapplying_an_unchanged_stack_plans_only_noops()
    {
        var plan = Planner.Plan(Desired, StackStates.Running(Desired));

        plan.HasChanges.ShouldBeFalse();
        plan.Changes.Count.ShouldBe(5);
        plan.Changes.ShouldAllBe(c => c.Action == ChangeAction.NoOp);
    }

    [Fact]
    public void The_same_situation_gives_the_same_plan_hash()
    {
        var again = StackStates.Desired(StackStates.ThreeTier());

        Planner.Plan(again, ObservedState.Empty).Hash.ShouldBe(Planner.Plan(Desired, ObservedState.Empty).Hash);
        Planner.Plan(again, StackStates.Running(again)).Hash.ShouldBe(Planner.Plan(Desired, StackStates.Running(Desired)).Hash);
        Planner.Plan(Desired, ObservedState.Empty).Hash.ShouldNotBe(Planner.Plan(Desired, StackStates.Running(Desired)).Hash);
    }

    [Fact]
    public void A_changed_image_replaces_only_that_service_and_says_so()
    {
        var changed = StackStates.Desired(StackStates.ThreeTier(apiImage: "acme/api:2"));

        var plan = Planner.Plan(changed, StackStates.Running(Desired));

        var replace = plan.Changes.Where(c => c.Action != ChangeAction.NoOp).ShouldHaveSingleItem();
        replace.Action.ShouldBe(ChangeAction.Replace);
        replace.Resource.ShouldBe("api-1");
        replace.Reason.ShouldBe("image changed acme/api:1 -> acme/api:2");
    }

    [Fact]
    public void A_changed_command_names_the_changed_field()
    {
        var spec = StackStates.ThreeTier();
        var changed = StackStates.Desired(spec with { Services = [.. spec.Services.Select(s => s.Name == "web" ? s with { Command = ["nginx", "-g", "daemon off;"] } : s)] });

        var plan = Planner.Plan(changed, StackStates.Running(Desired));

        plan.Changes.Where(c => c.Action != ChangeAction.NoOp).ShouldHaveSingleItem().Reason.ShouldBe("command changed");
    }

    [Fact]
    public void A_missing_container_is_created_and_a_stopped_one_started()
    {
        var observed = StackStates.Running(Desired)
            .Without("api-1")
            .With("web-1", r => r with { State = ResourceState.Exited });

        var plan = Planner.Plan(Desired, observed);

        plan.Changes.Single(c => c.Resource == "api-1").ShouldSatisfyAllConditions(
            c => c.Action.ShouldBe(ChangeAction.Create),
            c => c.Reason.ShouldBe("missing"));
        plan.Changes.Single(c => c.Resource == "web-1").ShouldSatisfyAllConditions(
            c => c.Action.ShouldBe(ChangeAction.Update),
            c => c.Reason.ShouldBe("stopped"));
    }

    [Fact]
    public void Scaling_up_creates_the_new_replicas_only()
    {
        var scaled = StackStates.Desired(StackStates.ThreeTier(apiReplicas: 3));

        var plan = Planner.Plan(scaled, StackStates.Running(Desired));

        plan.Changes.Where(c => c.Action != ChangeAction.NoOp).Select(c => $"{c.Action} {c.Resource}").ShouldBe(["Create api-2", "Create api-3"]);
    }

    [Fact]
    public void Scaling_down_deletes_the_extra_replicas_with_the_reason()
    {
        var three = StackStates.Desired(StackStates.ThreeTier(apiReplicas: 3));

        var plan = Planner.Plan(Desired, StackStates.Running(three));

        plan.Changes.Where(c => c.Action != ChangeAction.NoOp).Select(c => $"{c.Action} {c.Resource}: {c.Reason}")
            .ShouldBe(["Delete api-2: scaled down to 1 replica", "Delete api-3: scaled down to 1 replica"]);
        plan.Changes.Where(c => c.Action == ChangeAction.Delete).ShouldAllBe(c => c.Level > plan.Changes.Where(n => n.Action == ChangeAction.NoOp).Max(n => n.Level));
    }

    [Fact]
    public void Resources_no_longer_in_the_blueprint_are_deleted_dependents_first()
    {
        var dbOnly = StackStates.Desired(new BlueprintBuilder()
            .WithVariable("db_password", type: VariableType.Secret)
            .WithService("other", s => s with { Image = "busybox" })
            .Build());

        var plan = Planner.Plan(dbOnly, StackStates.Running(Desired));

        var deletes = plan.Changes.Where(c => c.Action == ChangeAction.Delete).ToList();
        deletes.ShouldAllBe(c => c.Reason == "not in blueprint");
        deletes.OrderBy(c => c.Level).Select(c => c.Resource).ShouldBe(["web-1", "api-1", "db-1", "volume/pgdata"]);
        deletes.Select(c => c.Level).ShouldBeInOrder();
        deletes.Select(c => c.Level).Distinct().Count().ShouldBe(4);
    }

    [Fact]
    public void Destroy_removes_containers_in_reverse_levels_then_volumes_then_the_network()
    {
        var plan = Planner.Plan(PlanKind.Destroy, Desired, StackStates.Running(Desired));

        plan.Levels.Select(l => string.Join(",", l.Changes.Select(c => c.Resource)))
            .ShouldBe(["web-1", "api-1", "db-1", "volume/pgdata", "network"]);
        plan.Changes.ShouldAllBe(c => c.Action == ChangeAction.Delete);
    }

    [Fact]
    public void Stop_goes_dependents_first_and_start_dependencies_first()
    {
        var running = StackStates.Running(Desired);
        var stop = Planner.Plan(PlanKind.Stop, Desired, running);
        stop.Changes.Select(c => $"{c.Action} {c.Resource}").ShouldBe(["Stop web-1", "Stop api-1", "Stop db-1"]);

        var stopped = new ObservedState([.. running.Resources.Select(r => r.Kind == ResourceKind.Container ? r with { State = ResourceState.Exited } : r)]);
        var start = Planner.Plan(PlanKind.Start, Desired, stopped);
        start.Changes.Select(c => $"{c.Action} {c.Resource}").ShouldBe(["Start db-1", "Start api-1", "Start web-1"]);
        Planner.Plan(PlanKind.Start, Desired, running).HasChanges.ShouldBeFalse();
        Planner.Plan(PlanKind.Restart, Desired, running).Count(ChangeAction.Restart).ShouldBe(3);
    }

    [Fact]
    public void A_duplicate_container_is_deleted()
    {
        var running = StackStates.Running(Desired);
        var copy = running.Resources.Single(r => r.Name == "api-1") with { ProviderId = "id-copy", State = ResourceState.Exited };

        var plan = Planner.Plan(Desired, new ObservedState([.. running.Resources, copy]));

        plan.Changes.Where(c => c.Action != ChangeAction.NoOp).ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            c => c.Action.ShouldBe(ChangeAction.Delete),
            c => c.Reason.ShouldBe("duplicate"),
            c => c.Observed!.ProviderId.ShouldBe("id-copy"));
    }

    [Fact]
    public void Secrets_change_the_hash_but_never_appear_in_the_plan()
    {
        var other = StackStates.Desired(StackStates.ThreeTier(), password: "an0ther");

        var plan = Planner.Plan(other, StackStates.Running(Desired));

        plan.Changes.Where(c => c.Action == ChangeAction.Replace).Select(c => c.Resource).ShouldBe(["db-1", "api-1"]);
        plan.Changes.Single(c => c.Resource == "api-1").Reason.ShouldBe("environment changed");
        var json = JsonSerializer.Serialize(plan);
        json.ShouldNotContain("an0ther");
        json.ShouldNotContain("s3cret");
        plan.ToString().ShouldNotContain("an0ther");
        other.ToString().ShouldNotContain("an0ther");
        other.Secrets.For("api")["DATABASE_URL"].ShouldBe("postgres://app:an0ther@db/app");
    }

    [Fact]
    public void Dependencies_know_what_their_dependents_wait_for()
    {
        Desired.Find("db-1")!.ReadyCondition.ShouldBe(DependencyCondition.Healthy);
        Desired.Find("api-1")!.ReadyCondition.ShouldBe(DependencyCondition.Started);
        Desired.Find("web-1")!.ReadyCondition.ShouldBeNull();
    }

    [Fact]
    public void Containers_name_the_services_they_depend_on_outside_their_hash()
    {
        Desired.Find("db-1")!.DependsOn.ShouldBeEmpty();
        Desired.Find("api-1")!.DependsOn.ShouldBe(["db"]);
        Desired.Find("web-1")!.DependsOn.ShouldBe(["api"]);
        Desired.Find("network")!.DependsOn.ShouldBeNull();

        var spec = StackStates.ThreeTier();
        var alone = StackStates.Desired(spec with { Services = [.. spec.Services.Select(s => s.Name == "web" ? s with { DependsOn = [] } : s)] });
        alone.Find("web-1")!.SpecHash.ShouldBe(Desired.Find("web-1")!.SpecHash);
    }

    [Fact]
    public void A_vm_service_cannot_be_planned_onto_a_container_engine()
    {
        var spec = new BlueprintBuilder().WithService(new ServiceSpec { Name = "batch", Kind = ServiceKind.Vm, MachineImage = "ami-1" }).Build();

        var result = DesiredStateBuilder.Build(StackStates.Stack, BlueprintResolver.Resolve(spec, null, new Dictionary<string, string>()).Value);

        result.IsSuccess.ShouldBeFalse();
        result.Error.ShouldBeOfType<Paddock.Core.Common.ValidationError>().Errors.ShouldHaveSingleItem().Field.ShouldBe("services.batch.kind");
    }

    [Fact]
    public void Replicas_get_numbered_names_and_share_one_level()
    {
        var desired = StackStates.Desired(StackStates.ThreeTier(apiReplicas: 2));

        var api = desired.Resources.Where(r => r.Service == "api").ToList();
        api.Select(r => r.Name).ShouldBe(["api-1", "api-2"]);
        api.ShouldAllBe(r => r.Level == 2 && r.IsReplicated);
    }
}
