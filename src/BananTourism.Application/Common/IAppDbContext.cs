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
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace BananTourism.Application.Common;

/// <summary>The application's port to its data. Handlers query with LINQ and save once per command; there is
/// no generic repository in between.</summary>
public interface IAppDbContext
{
    DbSet<Township> Townships { get; }

    DbSet<Village> Villages { get; }

    DbSet<Venue> Venues { get; }

    DbSet<Offering> Offerings { get; }

    DbSet<Slot> Slots { get; }

    DbSet<NightInventory> Nights { get; }

    DbSet<Holiday> Holidays { get; }

    DbSet<User> Users { get; }

    DbSet<PhoneCode> PhoneCodes { get; }

    DbSet<SmsQuota> SmsQuotas { get; }

    DbSet<SignInThrottle> SignInThrottles { get; }

    DbSet<Booking> Bookings { get; }

    DbSet<BookingAdjustment> BookingAdjustments { get; }

    /// <summary>Messages to people, queued in the transaction of the change that causes them.</summary>
    DbSet<BananTourism.Domain.Notifications.OutboxMessage> Outbox { get; }

    DbSet<VenueDay> VenueDays { get; }

    DbSet<TouristDay> TouristDays { get; }

    DbSet<IdempotencyRecord> IdempotencyRecords { get; }

    DbSet<WalkIn> WalkIns { get; }

    DbSet<ProcessedPaymentEvent> ProcessedPaymentEvents { get; }

    DbSet<OfferingDay> OfferingDays { get; }

    DbSet<ProduceDay> ProduceDays { get; }

    DbSet<BananTourism.Domain.Offerings.ExtraStock> ExtraStocks { get; }

    DbSet<BananTourism.Domain.Produce.WeighOut> WeighOuts { get; }

    DbSet<BananTourism.Domain.Media.Photo> Photos { get; }

    DbSet<BananTourism.Domain.Reviews.Review> Reviews { get; }

    ChangeTracker ChangeTracker { get; }

    EntityEntry<TEntity> Entry<TEntity>(TEntity entity)
        where TEntity : class;

    /// <summary>Commits the unit of work. Throws <see cref="DuplicateKeyException"/> when a unique index rejects it.</summary>
    Task<int> SaveChangesAsync(CancellationToken cancellationToken);
}
