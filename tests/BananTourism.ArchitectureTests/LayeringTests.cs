using System.Reflection;
using BananTourism.Application.Common;
using BananTourism.Application.Common.Security;
using BananTourism.Domain.Common;
using BananTourism.Infrastructure.Persistence;
using Mediator;
using NetArchTest.Rules;

namespace BananTourism.ArchitectureTests;

public class LayeringTests
{
    private static readonly Assembly Domain = typeof(Error).Assembly;
    private static readonly Assembly Application = typeof(IAppDbContext).Assembly;
    private static readonly Assembly Infrastructure = typeof(AppDbContext).Assembly;

    [Fact]
    public void Domain_DependsOnNoOtherLayerNorFramework() =>
        AssertNone(Types.InAssembly(Domain).ShouldNot().HaveDependencyOnAny(
            "BananTourism.Application", "BananTourism.Infrastructure", "BananTourism.Api",
            "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "FluentValidation"));

    [Fact]
    public void Application_DoesNotKnowInfrastructureOrHttp() =>
        AssertNone(Types.InAssembly(Application).ShouldNot().HaveDependencyOnAny(
            "BananTourism.Infrastructure", "BananTourism.Api", "Microsoft.AspNetCore",
            "Microsoft.EntityFrameworkCore.Sqlite", "Microsoft.EntityFrameworkCore.SqlServer", "Microsoft.Data"));

    [Fact]
    public void Infrastructure_DoesNotKnowTheHost() =>
        AssertNone(Types.InAssembly(Infrastructure).ShouldNot().HaveDependencyOn("BananTourism.Api"));

    [Fact]
    public void EveryCommandAndQuery_ReturnsAResult()
    {
        // The validation behaviour only applies to messages whose response can carry errors: a message that
        // returned anything else would silently skip validation.
        var messages = MessageTypes().ToList();
        Assert.NotEmpty(messages);
        var offenders = messages
            .Where(m => m.Response is not { IsGenericType: true } r || r.GetGenericTypeDefinition() != typeof(Result<>))
            .Select(m => m.Type.FullName)
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void EveryCommandAndQuery_HasAPublicHandler()
    {
        var handled = Application.GetTypes()
            .Where(t => t.IsPublic && !t.IsAbstract)
            .SelectMany(t => t.GetInterfaces())
            .Where(i => i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(ICommandHandler<,>) || i.GetGenericTypeDefinition() == typeof(IQueryHandler<,>)))
            .Select(i => i.GetGenericArguments()[0])
            .ToHashSet();
        Assert.Empty(MessageTypes().Where(m => !handled.Contains(m.Type)).Select(m => m.Type.FullName));
    }

    [Fact]
    public void EveryCommandAndQuery_DeclaresWhoMaySendIt()
    {
        // AuthorizationBehavior refuses a message that declares nobody; this says which one, before anyone ships it.
        var undeclared = MessageTypes()
            .Where(m => m.Type.GetCustomAttribute<AllowedAttribute>() is not { Callers.Count: > 0 })
            .Select(m => m.Type.FullName);
        Assert.Empty(undeclared);
    }

    [Fact]
    public void Handlers_DoNotCheckRolesByHand()
    {
        // Roles are declared on the message; scoping helpers may still narrow by role (an officer's township), but a
        // handler that refuses by its caller's role itself would be a second, drifting source of the rule.
        var source = Path.Combine(RepositoryRoot(), "src", "BananTourism.Application");
        var offenders = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("currentUser.Role", StringComparison.Ordinal))
            .Select(Path.GetFileName);
        Assert.Empty(offenders);
    }

    private static string RepositoryRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "BananTourism.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return dir ?? throw new InvalidOperationException("BananTourism.sln not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void UseCases_LiveInAFolderNamedAfterThem()
    {
        // Bookings/CreateBooking/CreateBooking.cs holds the record CreateBooking in namespace ….Bookings.CreateBooking.
        var misplaced = MessageTypes()
            .Where(m => m.Type.Namespace is not { } ns || !ns.EndsWith("." + m.Type.Name, StringComparison.Ordinal))
            .Select(m => m.Type.FullName);
        Assert.Empty(misplaced);
    }

    private static IEnumerable<(Type Type, Type? Response)> MessageTypes() =>
        Application.GetTypes()
            .Select(t => (Type: t, Message: t.GetInterfaces().FirstOrDefault(i =>
                i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(ICommand<>) || i.GetGenericTypeDefinition() == typeof(IQuery<>)))))
            .Where(x => x.Message is not null)
            .Select(x => (x.Type, (Type?)x.Message!.GetGenericArguments()[0]));

    private static void AssertNone(ConditionList condition)
    {
        var result = condition.GetResult();
        Assert.True(result.IsSuccessful, "Offending types: " + string.Join(", ", result.FailingTypeNames ?? []));
    }
}
