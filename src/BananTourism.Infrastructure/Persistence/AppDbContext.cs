using BananTourism.Infrastructure.Background;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using BananTourism.Application.Common;
using BananTourism.Application.Common.Idempotency;
using BananTourism.Application.Payments;
using BananTourism.Domain.Bookings;
using BananTourism.Domain.Calendar;
using BananTourism.Domain.Geography;
using BananTourism.Domain.Offerings;
using BananTourism.Domain.Reports;
using BananTourism.Domain.Users;
using BananTourism.Domain.Venues;
using BananTourism.Domain.Visits;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.Infrastructure.Persistence;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : DbContext(options), IAppDbContext, IDataProtectionKeyContext
{
    public DbSet<Township> Townships => Set<Township>();

    public DbSet<Village> Villages => Set<Village>();

    public DbSet<Venue> Venues => Set<Venue>();

    public DbSet<Offering> Offerings => Set<Offering>();

    public DbSet<Slot> Slots => Set<Slot>();

    public DbSet<NightInventory> Nights => Set<NightInventory>();

    public DbSet<Holiday> Holidays => Set<Holiday>();

    public DbSet<User> Users => Set<User>();

    public DbSet<Booking> Bookings => Set<Booking>();

    public DbSet<BookingAdjustment> BookingAdjustments => Set<BookingAdjustment>();

    public DbSet<TouristDay> TouristDays => Set<TouristDay>();

    public DbSet<PhoneCode> PhoneCodes => Set<PhoneCode>();

    public DbSet<SmsQuota> SmsQuotas => Set<SmsQuota>();

    public DbSet<SignInThrottle> SignInThrottles => Set<SignInThrottle>();

    public DbSet<VenueDay> VenueDays => Set<VenueDay>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<WalkIn> WalkIns => Set<WalkIn>();

    public DbSet<ProcessedPaymentEvent> ProcessedPaymentEvents => Set<ProcessedPaymentEvent>();

    public DbSet<OfferingDay> OfferingDays => Set<OfferingDay>();

    public DbSet<ProduceDay> ProduceDays => Set<ProduceDay>();

    public DbSet<BananTourism.Domain.Offerings.ExtraStock> ExtraStocks => Set<BananTourism.Domain.Offerings.ExtraStock>();

    public DbSet<BananTourism.Domain.Produce.WeighOut> WeighOuts => Set<BananTourism.Domain.Produce.WeighOut>();

    public DbSet<BananTourism.Domain.Notifications.OutboxMessage> Outbox => Set<BananTourism.Domain.Notifications.OutboxMessage>();

    public DbSet<BananTourism.Domain.Media.Photo> Photos => Set<BananTourism.Domain.Media.Photo>();

    public DbSet<BananTourism.Domain.Reviews.Review> Reviews => Set<BananTourism.Domain.Reviews.Review>();

    /// <summary>Which replica runs each scheduled job this period.</summary>
    public DbSet<JobLease> JobLeases => Set<JobLease>();

    /// <summary>The ASP.NET Core Data Protection key ring (cookies, antiforgery), shared by every replica.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public override async Task<int> SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e.InnerException))
        {
            throw new DuplicateKeyException("A unique index rejected the write.", e);
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date-time-with-offset type and cannot compare or order the text EF would store.
        // Instants are UTC, so their UTC ticks order and compare exactly.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        }
    }

    internal static bool IsUniqueViolation(Exception? e) => e switch
    {
        // SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY
        SqliteException s => s.SqliteExtendedErrorCode is 2067 or 1555,
        // Cannot insert duplicate key row (unique index) / violation of PRIMARY KEY or UNIQUE constraint
        SqlException s => s.Number is 2601 or 2627,
        _ => false,
    };
}
