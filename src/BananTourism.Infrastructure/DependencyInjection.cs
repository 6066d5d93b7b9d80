using BananTourism.Application.Common;
using BananTourism.Application.Reports;
using BananTourism.Application.Payments;
using BananTourism.Infrastructure.Payments;
using BananTourism.Infrastructure.Background;
using BananTourism.Infrastructure.Documents;
using BananTourism.Infrastructure.Identity;
using BananTourism.Infrastructure.Messaging;
using BananTourism.Infrastructure.Persistence;
using BananTourism.Infrastructure.Seeding;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BananTourism.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);
        var connectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);

        services.TryAddSingleton(TimeProvider.System);
        services.AddDbContextPool<AppDbContext>(db => Configure(db, options.Provider, connectionString));
        services.AddScoped<IAppDbContext>(sp => sp.GetRequiredService<AppDbContext>());
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            services.AddSingleton<SqliteGroupCommit>();
            services.AddScoped<IWriteTransactions, GroupCommitWriteTransactions>();
        }
        else
        {
            services.AddScoped<IWriteTransactions, DirectWriteTransactions>();
        }
        services.AddSingleton<IPasswordHasher, IdentityPasswordHasher>();
        services.AddSingleton<IDocumentRenderer, DocumentRenderer>();
        AddMedia(services, configuration);
        services.AddSingleton(configuration.GetSection(StripeOptions.Section).Get<StripeOptions>() ?? new StripeOptions());
        services.AddSingleton<IPaymentGateway, StripeGateway>();
        AddMessaging(services, configuration);
        AddDataProtection(services, configuration);
        services.AddSingleton<JobLeases>();
        if (configuration.GetValue("Bookings:RunExpiry", true))
        {
            services.AddHostedService<HoldExpiryService>();
            services.AddHostedService<PaymentReconciliationService>();
        }

        services.AddSingleton<TodayWatcher>();
        services.AddSingleton<ITodayFeed>(sp => sp.GetRequiredService<TodayWatcher>());
        if (configuration.GetValue("Reports:WatchToday", true))
        {
            services.AddHostedService(sp => sp.GetRequiredService<TodayWatcher>());
        }

        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<DemoDataSeeder>();
        services.AddScoped<HistoryGenerator>();
        services.AddSingleton<DemoHistoryPlan>();
        services.AddHostedService<DemoHistoryFiller>();
        return services;
    }

    /// <summary>The key ring that signs page cookies and antiforgery tokens lives in the database, so every replica
    /// reads the same keys and a restart keeps them. <c>DataProtection:CertificatePath</c> (a PFX, e.g. mounted from a
    /// Kubernetes Secret, with <c>DataProtection:CertificatePassword</c>) encrypts the keys at rest; without it they
    /// are stored as plain XML, readable by whoever can read the database.</summary>
    private static void AddDataProtection(IServiceCollection services, IConfiguration configuration)
    {
        var keys = services.AddDataProtection()
            .SetApplicationName("BananTourism")
            .PersistKeysToDbContext<AppDbContext>();
        var certificate = configuration["DataProtection:CertificatePath"];
        if (!string.IsNullOrWhiteSpace(certificate))
        {
            keys.ProtectKeysWithCertificate(System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(
                certificate, configuration["DataProtection:CertificatePassword"]));
        }
    }

    private static void AddMessaging(IServiceCollection services, IConfiguration configuration)
    {
        var notifications = configuration.GetSection(NotificationOptions.Section).Get<NotificationOptions>() ?? new NotificationOptions();
        services.AddSingleton(notifications);
        services.AddSingleton(notifications.Sms);
        services.AddSingleton<PickupFolder>();
        var sms = notifications.Sms;
        if (sms.IsAliyun)
        {
            if (string.IsNullOrWhiteSpace(sms.AccessKeyId) || string.IsNullOrWhiteSpace(sms.AccessKeySecret) || string.IsNullOrWhiteSpace(sms.SignName))
            {
                throw new InvalidOperationException(
                    "Notifications:Sms:Provider is Aliyun: set Notifications:Sms:AccessKeyId, AccessKeySecret and SignName, and Templates:phoneCode.");
            }

            services.AddSingleton(sp => ActivatorUtilities.CreateInstance<AliyunSmsSender>(
                sp, new HttpClient { Timeout = TimeSpan.FromSeconds(sms.TimeoutSeconds) }));
        }
        else if (!string.IsNullOrWhiteSpace(sms.Provider))
        {
            throw new InvalidOperationException($"Unknown Notifications:Sms:Provider '{sms.Provider}'; the one supported is Aliyun.");
        }

        services.AddSingleton<ISmsSender, SmsDispatch>();

        services.AddSingleton(notifications.Smtp);
        if (notifications.Smtp.Enabled)
        {
            services.AddSingleton<SmtpEmailSender>();
        }

        services.AddSingleton<MessageTemplates>();
        services.AddSingleton<MessageSending>();
        services.AddSingleton<OutboxDelivery>();
        services.AddSingleton<IMessageDelivery>(sp => sp.GetRequiredService<OutboxDelivery>());
        if (configuration.GetValue("Notifications:Dispatch", true))
        {
            services.AddHostedService<OutboxDispatcher>();
        }
    }

    /// <summary>Photos: re-encoded by SkiaSharp, kept in a folder beside the SQLite database (or <c>Media:Directory</c>)
    /// or, with <c>Media:Store=s3</c>, in an S3-compatible bucket.</summary>
    private static void AddMedia(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<BananTourism.Application.Media.IPhotoProcessor, Media.SkiaPhotoProcessor>();
        var store = configuration["Media:Store"];
        if (string.Equals(store, "s3", StringComparison.OrdinalIgnoreCase))
        {
            var s3 = configuration.GetSection("Media:S3").Get<Media.S3MediaOptions>() ?? new Media.S3MediaOptions();
            if (string.IsNullOrWhiteSpace(s3.ServiceUrl) || string.IsNullOrWhiteSpace(s3.Bucket))
            {
                throw new InvalidOperationException("Media:Store is s3 but Media:S3:ServiceUrl or Media:S3:Bucket is not set.");
            }

            services.AddSingleton(s3);
            services.AddSingleton(_ => Media.S3MediaStore.Client(s3));
            services.AddSingleton<BananTourism.Application.Media.IMediaStore, Media.S3MediaStore>();
        }
        else if (string.IsNullOrWhiteSpace(store) || string.Equals(store, "files", StringComparison.OrdinalIgnoreCase))
        {
            var folder = configuration["Media:Directory"];
            if (string.IsNullOrWhiteSpace(folder))
            {
                var sqlServer = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.Provider == DatabaseProvider.SqlServer;
                var configured = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
                var database = sqlServer || string.IsNullOrWhiteSpace(configured)
                    ? DatabaseOptions.DefaultSqliteFile
                    : new SqliteConnectionStringBuilder(configured).DataSource;
                folder = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(database)) ?? ".", "media");
            }

            services.AddSingleton<BananTourism.Application.Media.IMediaStore>(new Media.FileMediaStore(folder));
        }
        else
        {
            throw new InvalidOperationException($"Unknown Media:Store '{store}'; use files or s3.");
        }
    }

    public static void Configure(DbContextOptionsBuilder db, DatabaseProvider provider, string? connectionString)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                db.UseSqlite(SqliteConnectionString(connectionString), sqlite => sqlite.MigrationsAssembly(DatabaseOptions.SqliteMigrationsAssembly));
                db.AddInterceptors(new SqlitePragmas());
                break;
            case DatabaseProvider.SqlServer:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException(
                        $"Database:Provider is SqlServer but ConnectionStrings:{DatabaseOptions.ConnectionStringName} is not set.");
                }

                db.UseSqlServer(connectionString, sql => sql.MigrationsAssembly(DatabaseOptions.SqlServerMigrationsAssembly));
                break;
            default:
                throw new InvalidOperationException($"Unknown Database:Provider '{provider}'.");
        }
    }

    /// <summary>The configured SQLite connection string, or the default file; the file's folder is created.</summary>
    private static string SqliteConnectionString(string? configured)
    {
        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(configured) ? $"Data Source={DatabaseOptions.DefaultSqliteFile}" : configured);
        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder) && builder.DataSource != ":memory:")
        {
            Directory.CreateDirectory(folder);
        }

        builder.ForeignKeys = true;
        return builder.ToString();
    }
}
