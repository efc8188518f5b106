using Paddock.Core.Blueprints;
namespace Paddock.Core.Tests.Blueprints;
public class TmpDump
{
    [Fact]
    public void Dump() => File.WriteAllText("/tmp/bp.yaml", BlueprintYaml.Write(BlueprintBuilder.Rich(), new BlueprintLayout { Positions = new Dictionary<string, LayoutPosition> { ["api"] = new(10, 20.5) } }));
}
