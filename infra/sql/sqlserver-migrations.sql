IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL
BEGIN
    CREATE TABLE [__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128221948_Initial'
)
BEGIN
    CREATE TABLE [Holidays] (
        [Date] date NOT NULL,
        [Name] nvarchar(50) NOT NULL,
        CONSTRAINT [PK_Holidays] PRIMARY KEY ([Date])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128221948_Initial'
)
BEGIN
    CREATE TABLE [Townships] (
        [Id] uniqueidentifier NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [NameEn] nvarchar(100) NOT NULL,
        CONSTRAINT [PK_Townships] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128221948_Initial'
)
BEGIN
    CREATE TABLE [Users] (
        [Id] uniqueidentifier NOT NULL,
        [Email] nvarchar(254) NOT NULL,
        [NormalizedEmail] nvarchar(254) NOT NULL,
        [PasswordHash] nvarchar(200) NOT NULL,
        [DisplayName] nvarchar(100) NOT NULL,
        [Phone] nvarchar(20) NULL,
        [Role] int NOT NULL,
        [TownshipId] uniqueidentifier NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_Users] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Users_Townships_TownshipId] FOREIGN KEY ([TownshipId]) REFERENCES [Townships] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128221948_Initial'
)
BEGIN
    CREATE TABLE [Villages] (
        [Id] uniqueidentifier NOT NULL,
        [TownshipId] uniqueidentifier NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [NameEn] nvarchar(100) NOT NULL,
        CONSTRAINT [PK_Villages] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Villages_Townships_TownshipId] FOREIGN KEY ([TownshipId]) REFERENCES [Townships] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128221948_Initial'
)
BEGIN
    CREATE TABLE [Venues] (
        [Id] uniqueidentifier NOT NULL,
        [OperatorId] uniqueidentifier NOT NULL,
        [VillageId] uniqueidentifier NOT NULL,
        [Name] nvarchar(200) NOT NULL,
        [NameEn] nvarchar(200) NULL,
        [Description] nvarchar(4000) NOT NULL,
        [Categories] int NOT NULL,
        [DailyCap] int NULL,
        [Latitude] float NULL,
        [Longitude] float NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_Venues] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Venues_Users_OperatorId] FOREIGN KEY ([OperatorId]) REFERENCES [Users] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Venues_Villages_VillageId] FOREIGN KEY ([VillageId]) REFERENCES [Villages] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128221948_Initial'
)
BEGIN
    CREATE TABLE [Offerings] (
        [Id] uniqueidentifier NOT NULL,
        [VenueId] uniqueidentifier NOT NULL,
        [Name] nvarchar(200) NOT NULL,
        [NameEn] nvarchar(200) NULL,
        [Description] nvarchar(4000) NOT NULL,
        [Kind] int NOT NULL,
        [Category] int NOT NULL,
        [MinParty] int NULL,
        [MaxParty] int NULL,
        [MinNights] int NULL,
        [Published] bit NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [FreeCancelHoursBefore] int NOT NULL,
        [RefundPercentAfter] int NOT NULL,
        [PriceBase] bigint NOT NULL,
        [PriceChild] bigint NULL,
        [PriceHoliday] bigint NULL,
        [PriceWeekend] bigint NULL,
        CONSTRAINT [PK_Offerings] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Offerings_Venues_VenueId] FOREIGN KEY ([VenueId]) REFERENCES [Venues] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128221948_Initial'
)
BEGIN
    CREATE TABLE [Nights] (
        [Id] uniqueidentifier NOT NULL,
        [OfferingId] uniqueidentifier NOT NULL,
        [Date] date NOT NULL,
        [Units] int NOT NULL,
        [Reserved] int NOT NULL,
        [Closed] bit NOT NULL,
        [ClosedReason] nvarchar(500) NULL,
        CONSTRAINT [PK_Nights] PRIMARY KEY ([Id]),
        CONSTRAINT [CK_Nights_Reserved] CHECK ("Reserved" >= 0 AND "Reserved" <= "Units"),
        CONSTRAINT [FK_Nights_Offerings_OfferingId] FOREIGN KEY ([OfferingId]) REFERENCES [Offerings] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128221948_Initial'
)
BEGIN
    CREATE TABLE [Slots] (
        [Id] uniqueidentifier NOT NULL,
        [OfferingId] uniqueidentifier NOT NULL,
        [Date] date NOT NULL,
        [Start] time NOT NULL,
        [End] time NOT NULL,
        [Capacity] int NOT NULL,
        [Reserved] int NOT NULL,
        [Closed] bit NOT NULL,
        [ClosedReason] nvarchar(500) NULL,
        CONSTRAINT [PK_Slots] PRIMARY KEY ([Id]),
        CONSTRAINT [CK_Slots_Reserved] CHECK ("Reserved" >= 0 AND "Reserved" <= "Capacity"),
        CONSTRAINT [FK_Slots_Offerings_OfferingId] FOREIGN KEY ([OfferingId]) REFERENCES [Offerings] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128221948_Initial'
)
BEGIN
    CREATE INDEX [IX_Nights_Date_OfferingId] ON [Nights] ([Date], [OfferingId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128221948_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Nights_OfferingId_Date] ON [Nights] ([OfferingId], [Date]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128221948_Initial'
)
BEGIN
    CREATE INDEX [IX_Offerings_Published_Category_Name] ON [Offerings] ([Published], [Category], [Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128221948_Initial'
)
BEGIN
    CREATE INDEX [IX_Offerings_VenueId_Published] ON [Offerings] ([VenueId], [Published]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128221948_Initial'
)
BEGIN
    CREATE INDEX [IX_Slots_Date_OfferingId] ON [Slots] ([Date], [OfferingId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128221948_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Slots_OfferingId_Date_Start] ON [Slots] ([OfferingId], [Date], [Start]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128221948_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Townships_Name] ON [Townships] ([Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128221948_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Users_NormalizedEmail] ON [Users] ([NormalizedEmail]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128221948_Initial'
)
BEGIN
    CREATE INDEX [IX_Users_TownshipId] ON [Users] ([TownshipId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128221948_Initial'
)
BEGIN
    CREATE INDEX [IX_Venues_Name] ON [Venues] ([Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128221948_Initial'
)
BEGIN
    CREATE INDEX [IX_Venues_OperatorId] ON [Venues] ([OperatorId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128221948_Initial'
)
BEGIN
    CREATE INDEX [IX_Venues_VillageId_Name] ON [Venues] ([VillageId], [Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128221948_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Villages_TownshipId_Name] ON [Villages] ([TownshipId], [Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128221948_Initial'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128221948_Initial', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128230624_Bookings'
)
BEGIN
    CREATE TABLE [Bookings] (
        [Id] uniqueidentifier NOT NULL,
        [Reference] nvarchar(16) NOT NULL,
        [TouristId] uniqueidentifier NOT NULL,
        [OfferingId] uniqueidentifier NOT NULL,
        [VenueId] uniqueidentifier NOT NULL,
        [Kind] int NOT NULL,
        [SlotId] uniqueidentifier NULL,
        [Date] date NOT NULL,
        [EndDate] date NOT NULL,
        [StartTime] time NULL,
        [EndTime] time NULL,
        [StartsAt] datetimeoffset NOT NULL,
        [Units] int NULL,
        [Adults] int NOT NULL,
        [Children] int NOT NULL,
        [Total] bigint NOT NULL,
        [Status] int NOT NULL,
        [PaymentMethod] int NOT NULL,
        [PaymentStatus] int NOT NULL,
        [AmountPaid] bigint NOT NULL,
        [ExpiresAt] datetimeoffset NULL,
        [VerificationCode] nvarchar(16) NOT NULL,
        [FreeCancelHoursBefore] int NOT NULL,
        [RefundPercentAfter] int NOT NULL,
        [ContactName] nvarchar(50) NOT NULL,
        [ContactPhone] nvarchar(20) NOT NULL,
        [ContactEmail] nvarchar(254) NULL,
        [Notes] nvarchar(500) NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [CancelledAt] datetimeoffset NULL,
        [CancelReason] nvarchar(500) NULL,
        [RefundAmount] bigint NOT NULL,
        [RefundStatus] int NOT NULL,
        [CheckedInAt] datetimeoffset NULL,
        [CheckedInHeadcount] int NULL,
        [Lines] nvarchar(max) NULL,
        CONSTRAINT [PK_Bookings] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Bookings_Offerings_OfferingId] FOREIGN KEY ([OfferingId]) REFERENCES [Offerings] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Bookings_Slots_SlotId] FOREIGN KEY ([SlotId]) REFERENCES [Slots] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Bookings_Users_TouristId] FOREIGN KEY ([TouristId]) REFERENCES [Users] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Bookings_Venues_VenueId] FOREIGN KEY ([VenueId]) REFERENCES [Venues] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128230624_Bookings'
)
BEGIN
    CREATE TABLE [IdempotencyRecords] (
        [Id] uniqueidentifier NOT NULL,
        [UserId] uniqueidentifier NOT NULL,
        [Key] nvarchar(255) NOT NULL,
        [RequestHash] nchar(64) NOT NULL,
        [Completed] bit NOT NULL,
        [ResourceId] uniqueidentifier NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [LockedUntil] datetimeoffset NOT NULL,
        CONSTRAINT [PK_IdempotencyRecords] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_IdempotencyRecords_Users_UserId] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128230624_Bookings'
)
BEGIN
    CREATE TABLE [VenueDays] (
        [VenueId] uniqueidentifier NOT NULL,
        [Date] date NOT NULL,
        [Reserved] int NOT NULL,
        CONSTRAINT [PK_VenueDays] PRIMARY KEY ([VenueId], [Date]),
        CONSTRAINT [CK_VenueDays_Reserved] CHECK ("Reserved" >= 0),
        CONSTRAINT [FK_VenueDays_Venues_VenueId] FOREIGN KEY ([VenueId]) REFERENCES [Venues] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128230624_Bookings'
)
BEGIN
    CREATE INDEX [IX_Bookings_OfferingId_Date] ON [Bookings] ([OfferingId], [Date]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128230624_Bookings'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Bookings_Reference] ON [Bookings] ([Reference]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128230624_Bookings'
)
BEGIN
    CREATE INDEX [IX_Bookings_SlotId] ON [Bookings] ([SlotId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128230624_Bookings'
)
BEGIN
    CREATE INDEX [IX_Bookings_Status_ExpiresAt] ON [Bookings] ([Status], [ExpiresAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128230624_Bookings'
)
BEGIN
    CREATE INDEX [IX_Bookings_TouristId_CreatedAt] ON [Bookings] ([TouristId], [CreatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128230624_Bookings'
)
BEGIN
    CREATE INDEX [IX_Bookings_TouristId_Status] ON [Bookings] ([TouristId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128230624_Bookings'
)
BEGIN
    CREATE INDEX [IX_Bookings_VenueId_Date_Status] ON [Bookings] ([VenueId], [Date], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128230624_Bookings'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Bookings_VerificationCode] ON [Bookings] ([VerificationCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128230624_Bookings'
)
BEGIN
    CREATE INDEX [IX_IdempotencyRecords_CreatedAt] ON [IdempotencyRecords] ([CreatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128230624_Bookings'
)
BEGIN
    CREATE UNIQUE INDEX [IX_IdempotencyRecords_UserId_Key] ON [IdempotencyRecords] ([UserId], [Key]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128230624_Bookings'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128230624_Bookings', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128232923_Operators'
)
BEGIN
    ALTER TABLE [VenueDays] ADD [WalkIns] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128232923_Operators'
)
BEGIN
    CREATE TABLE [WalkIns] (
        [Id] uniqueidentifier NOT NULL,
        [VenueId] uniqueidentifier NOT NULL,
        [Date] date NOT NULL,
        [Count] int NOT NULL,
        [RecordedBy] uniqueidentifier NOT NULL,
        [RecordedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_WalkIns] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_WalkIns_Users_RecordedBy] FOREIGN KEY ([RecordedBy]) REFERENCES [Users] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_WalkIns_Venues_VenueId] FOREIGN KEY ([VenueId]) REFERENCES [Venues] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128232923_Operators'
)
BEGIN
    EXEC(N'ALTER TABLE [VenueDays] ADD CONSTRAINT [CK_VenueDays_WalkIns] CHECK ("WalkIns" >= 0)');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128232923_Operators'
)
BEGIN
    CREATE INDEX [IX_WalkIns_RecordedBy] ON [WalkIns] ([RecordedBy]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128232923_Operators'
)
BEGIN
    CREATE INDEX [IX_WalkIns_VenueId_Date] ON [WalkIns] ([VenueId], [Date]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128232923_Operators'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128232923_Operators', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128234006_Payments'
)
BEGIN
    ALTER TABLE [Bookings] ADD [PaymentClientSecret] nvarchar(255) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128234006_Payments'
)
BEGIN
    ALTER TABLE [Bookings] ADD [PaymentIntentId] nvarchar(255) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128234006_Payments'
)
BEGIN
    ALTER TABLE [Bookings] ADD [RefundId] nvarchar(255) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128234006_Payments'
)
BEGIN
    CREATE TABLE [ProcessedPaymentEvents] (
        [EventId] nvarchar(255) NOT NULL,
        [Type] nvarchar(100) NOT NULL,
        [ProcessedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_ProcessedPaymentEvents] PRIMARY KEY ([EventId])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128234006_Payments'
)
BEGIN
    CREATE INDEX [IX_Bookings_PaymentIntentId] ON [Bookings] ([PaymentIntentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128234006_Payments'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128234006_Payments', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128234750_Reports'
)
BEGIN
    CREATE TABLE [OfferingDays] (
        [OfferingId] uniqueidentifier NOT NULL,
        [Date] date NOT NULL,
        [Booked] int NOT NULL,
        [CheckedIn] int NOT NULL,
        [Revenue] bigint NOT NULL,
        CONSTRAINT [PK_OfferingDays] PRIMARY KEY ([OfferingId], [Date]),
        CONSTRAINT [FK_OfferingDays_Offerings_OfferingId] FOREIGN KEY ([OfferingId]) REFERENCES [Offerings] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128234750_Reports'
)
BEGIN
    CREATE INDEX [IX_OfferingDays_Date] ON [OfferingDays] ([Date]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128234750_Reports'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128234750_Reports', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202052943_PayOnArrivalAndTouristLimits'
)
BEGIN
    ALTER TABLE [Users] ADD [UnpaidHolds] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202052943_PayOnArrivalAndTouristLimits'
)
BEGIN
    ALTER TABLE [Offerings] ADD [MaxUnitsPerBooking] int NOT NULL DEFAULT 5;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202052943_PayOnArrivalAndTouristLimits'
)
BEGIN
    ALTER TABLE [Offerings] ADD [PayOnArrivalAllowed] bit NOT NULL DEFAULT CAST(1 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202052943_PayOnArrivalAndTouristLimits'
)
BEGIN
    ALTER TABLE [Offerings] ADD [PayOnArrivalMaxPeople] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202052943_PayOnArrivalAndTouristLimits'
)
BEGIN
    ALTER TABLE [Offerings] ADD [PeoplePerUnitMax] int NOT NULL DEFAULT 4;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202052943_PayOnArrivalAndTouristLimits'
)
BEGIN
    ALTER TABLE [Offerings] ADD [PeoplePerUnitMin] int NOT NULL DEFAULT 1;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202052943_PayOnArrivalAndTouristLimits'
)
BEGIN
    CREATE TABLE [TouristDays] (
        [TouristId] uniqueidentifier NOT NULL,
        [Date] date NOT NULL,
        [PayOnArrivalPeople] int NOT NULL,
        CONSTRAINT [PK_TouristDays] PRIMARY KEY ([TouristId], [Date]),
        CONSTRAINT [CK_TouristDays_PayOnArrivalPeople] CHECK ("PayOnArrivalPeople" >= 0),
        CONSTRAINT [FK_TouristDays_Users_TouristId] FOREIGN KEY ([TouristId]) REFERENCES [Users] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202052943_PayOnArrivalAndTouristLimits'
)
BEGIN
    EXEC(N'UPDATE Offerings SET PayOnArrivalAllowed = 0 WHERE Kind = 1;');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202052943_PayOnArrivalAndTouristLimits'
)
BEGIN
    EXEC(N'UPDATE Users SET UnpaidHolds = (SELECT COUNT(*) FROM Bookings WHERE Bookings.TouristId = Users.Id AND Bookings.Status = 0);');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202052943_PayOnArrivalAndTouristLimits'
)
BEGIN
    EXEC(N'WITH nights AS ( SELECT TouristId, Date, EndDate, Adults + Children AS People FROM Bookings WHERE Status = 1 AND PaymentMethod = 0 UNION ALL SELECT TouristId, DATEADD(day, 1, Date), EndDate, People FROM nights WHERE DATEADD(day, 1, Date) < EndDate) INSERT INTO TouristDays (TouristId, Date, PayOnArrivalPeople) SELECT TouristId, Date, SUM(People) FROM nights GROUP BY TouristId, Date OPTION (MAXRECURSION 1000);');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202052943_PayOnArrivalAndTouristLimits'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261202052943_PayOnArrivalAndTouristLimits', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202053735_PhoneVerification'
)
BEGIN
    ALTER TABLE [Users] ADD [PhoneVerifiedAt] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202053735_PhoneVerification'
)
BEGIN
    ALTER TABLE [Users] ADD [VerifiedPhone] nvarchar(20) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202053735_PhoneVerification'
)
BEGIN
    CREATE TABLE [PhoneCodes] (
        [Id] uniqueidentifier NOT NULL,
        [UserId] uniqueidentifier NOT NULL,
        [Phone] nvarchar(20) NOT NULL,
        [CodeHash] nvarchar(64) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [ExpiresAt] datetimeoffset NOT NULL,
        [Attempts] int NOT NULL,
        [UsedAt] datetimeoffset NULL,
        CONSTRAINT [PK_PhoneCodes] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_PhoneCodes_Users_UserId] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202053735_PhoneVerification'
)
BEGIN
    CREATE TABLE [SmsQuotas] (
        [Key] nvarchar(64) NOT NULL,
        [LastSentAt] datetimeoffset NOT NULL,
        [Day] date NOT NULL,
        [SentThatDay] int NOT NULL,
        CONSTRAINT [PK_SmsQuotas] PRIMARY KEY ([Key])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202053735_PhoneVerification'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_Users_VerifiedPhone] ON [Users] ([VerifiedPhone]) WHERE [VerifiedPhone] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202053735_PhoneVerification'
)
BEGIN
    CREATE INDEX [IX_PhoneCodes_UserId_Phone_CreatedAt] ON [PhoneCodes] ([UserId], [Phone], [CreatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202053735_PhoneVerification'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261202053735_PhoneVerification', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202060941_SignInHardening'
)
BEGIN
    ALTER TABLE [Users] ADD [DisabledAt] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202060941_SignInHardening'
)
BEGIN
    ALTER TABLE [Users] ADD [SecurityStamp] nvarchar(32) NOT NULL DEFAULT N'';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202060941_SignInHardening'
)
BEGIN
    CREATE TABLE [SignInThrottles] (
        [Key] nvarchar(254) NOT NULL,
        [Failures] int NOT NULL,
        [LastFailureAt] datetimeoffset NOT NULL,
        [LockedUntil] datetimeoffset NULL,
        CONSTRAINT [PK_SignInThrottles] PRIMARY KEY ([Key])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202060941_SignInHardening'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261202060941_SignInHardening', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202123910_ReplicasKeysAndLeases'
)
BEGIN
    CREATE TABLE [DataProtectionKeys] (
        [Id] int NOT NULL IDENTITY,
        [FriendlyName] nvarchar(max) NULL,
        [Xml] nvarchar(max) NULL,
        CONSTRAINT [PK_DataProtectionKeys] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202123910_ReplicasKeysAndLeases'
)
BEGIN
    CREATE TABLE [JobLeases] (
        [Name] nvarchar(64) NOT NULL,
        [Holder] nvarchar(128) NOT NULL,
        [LeasedUntil] datetimeoffset NOT NULL,
        [Runs] bigint NOT NULL,
        CONSTRAINT [PK_JobLeases] PRIMARY KEY ([Name])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202123910_ReplicasKeysAndLeases'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261202123910_ReplicasKeysAndLeases', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202134133_Outbox'
)
BEGIN
    ALTER TABLE [Users] ADD [EmailMuted] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202134133_Outbox'
)
BEGIN
    ALTER TABLE [Users] ADD [Language] nvarchar(2) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202134133_Outbox'
)
BEGIN
    ALTER TABLE [Users] ADD [RemindersMuted] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202134133_Outbox'
)
BEGIN
    ALTER TABLE [Users] ADD [SmsWanted] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202134133_Outbox'
)
BEGIN
    CREATE TABLE [Outbox] (
        [Id] uniqueidentifier NOT NULL,
        [DedupKey] nvarchar(200) NOT NULL,
        [Template] nvarchar(40) NOT NULL,
        [Channel] int NOT NULL,
        [UserId] uniqueidentifier NULL,
        [To] nvarchar(254) NOT NULL,
        [Language] nvarchar(2) NOT NULL,
        [BookingId] uniqueidentifier NULL,
        [Data] nvarchar(max) NOT NULL,
        [Status] int NOT NULL,
        [Attempts] int NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [DueAt] datetimeoffset NOT NULL,
        [LeasedUntil] datetimeoffset NULL,
        [SentAt] datetimeoffset NULL,
        [LastError] nvarchar(1000) NULL,
        [Subject] nvarchar(300) NULL,
        [Body] nvarchar(max) NULL,
        CONSTRAINT [PK_Outbox] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202134133_Outbox'
)
BEGIN
    CREATE INDEX [IX_Outbox_BookingId] ON [Outbox] ([BookingId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202134133_Outbox'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Outbox_DedupKey] ON [Outbox] ([DedupKey]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202134133_Outbox'
)
BEGIN
    CREATE INDEX [IX_Outbox_Status_DueAt] ON [Outbox] ([Status], [DueAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202134133_Outbox'
)
BEGIN
    CREATE INDEX [IX_Outbox_UserId_CreatedAt] ON [Outbox] ([UserId], [CreatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202134133_Outbox'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261202134133_Outbox', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202153305_MessageLanguageAndLeaseOwner'
)
BEGIN
    DECLARE @var nvarchar(max);
    SELECT @var = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[Users]') AND [c].[name] = N'Language');
    IF @var IS NOT NULL EXEC(N'ALTER TABLE [Users] DROP CONSTRAINT ' + @var + ';');
    ALTER TABLE [Users] DROP COLUMN [Language];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202153305_MessageLanguageAndLeaseOwner'
)
BEGIN
    ALTER TABLE [Outbox] ADD [LeaseOwner] uniqueidentifier NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202153305_MessageLanguageAndLeaseOwner'
)
BEGIN
    ALTER TABLE [Bookings] ADD [Language] varchar(2) NOT NULL DEFAULT 'zh';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202153305_MessageLanguageAndLeaseOwner'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261202153305_MessageLanguageAndLeaseOwner', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202165256_Rescheduling'
)
BEGIN
    ALTER TABLE [Offerings] ADD [MaxReschedules] int NOT NULL DEFAULT 2;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202165256_Rescheduling'
)
BEGIN
    ALTER TABLE [Offerings] ADD [RescheduleFreeHoursBefore] int NOT NULL DEFAULT 24;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202165256_Rescheduling'
)
BEGIN
    ALTER TABLE [Bookings] ADD [BalanceDue] bigint NOT NULL DEFAULT CAST(0 AS bigint);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202165256_Rescheduling'
)
BEGIN
    ALTER TABLE [Bookings] ADD [MaxReschedules] int NOT NULL DEFAULT 2;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202165256_Rescheduling'
)
BEGIN
    ALTER TABLE [Bookings] ADD [RescheduleCount] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202165256_Rescheduling'
)
BEGIN
    ALTER TABLE [Bookings] ADD [RescheduleFreeHoursBefore] int NOT NULL DEFAULT 24;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202165256_Rescheduling'
)
BEGIN
    ALTER TABLE [Bookings] ADD [RescheduledFromDate] date NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202165256_Rescheduling'
)
BEGIN
    ALTER TABLE [Bookings] ADD [RescheduledFromEndDate] date NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202165256_Rescheduling'
)
BEGIN
    ALTER TABLE [Bookings] ADD [RescheduledFromSlotId] uniqueidentifier NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202165256_Rescheduling'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261202165256_Rescheduling', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202183244_MoveOffersAndBalances'
)
BEGIN
    ALTER TABLE [Bookings] ADD [FirstPaymentAmount] bigint NOT NULL DEFAULT CAST(0 AS bigint);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202183244_MoveOffersAndBalances'
)
BEGIN
    EXEC('UPDATE [Bookings] SET [FirstPaymentAmount] = [AmountPaid] WHERE [PaymentIntentId] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202183244_MoveOffersAndBalances'
)
BEGIN
    ALTER TABLE [Bookings] ADD [MoveOfferReason] nvarchar(200) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202183244_MoveOffersAndBalances'
)
BEGIN
    ALTER TABLE [Bookings] ADD [MoveOfferUntil] date NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202183244_MoveOffersAndBalances'
)
BEGIN
    CREATE TABLE [BookingAdjustments] (
        [Id] uniqueidentifier NOT NULL,
        [BookingId] uniqueidentifier NOT NULL,
        [Kind] int NOT NULL,
        [Amount] bigint NOT NULL,
        [Occurrence] int NOT NULL,
        [Part] int NOT NULL,
        [IntentId] nvarchar(255) NULL,
        [RefundId] nvarchar(255) NULL,
        [Status] int NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [SettledAt] datetimeoffset NULL,
        CONSTRAINT [PK_BookingAdjustments] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_BookingAdjustments_Bookings_BookingId] FOREIGN KEY ([BookingId]) REFERENCES [Bookings] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202183244_MoveOffersAndBalances'
)
BEGIN
    CREATE INDEX [IX_Bookings_Status_MoveOfferUntil] ON [Bookings] ([Status], [MoveOfferUntil]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202183244_MoveOffersAndBalances'
)
BEGIN
    CREATE UNIQUE INDEX [IX_BookingAdjustments_BookingId_Kind_Occurrence_Part] ON [BookingAdjustments] ([BookingId], [Kind], [Occurrence], [Part]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202183244_MoveOffersAndBalances'
)
BEGIN
    CREATE INDEX [IX_BookingAdjustments_IntentId] ON [BookingAdjustments] ([IntentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202183244_MoveOffersAndBalances'
)
BEGIN
    CREATE INDEX [IX_BookingAdjustments_Status_Kind] ON [BookingAdjustments] ([Status], [Kind]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202183244_MoveOffersAndBalances'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261202183244_MoveOffersAndBalances', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203212444_ExtrasAndProduce'
)
BEGIN
    ALTER TABLE [Offerings] ADD [Extras] nvarchar(max) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203212444_ExtrasAndProduce'
)
BEGIN
    ALTER TABLE [Offerings] ADD [Produce] nvarchar(max) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203212444_ExtrasAndProduce'
)
BEGIN
    ALTER TABLE [OfferingDays] ADD [ExtrasRevenue] bigint NOT NULL DEFAULT CAST(0 AS bigint);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203212444_ExtrasAndProduce'
)
BEGIN
    ALTER TABLE [OfferingDays] ADD [ProduceRevenue] bigint NOT NULL DEFAULT CAST(0 AS bigint);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203212444_ExtrasAndProduce'
)
BEGIN
    ALTER TABLE [Bookings] ADD [ExtrasTotal] bigint NOT NULL DEFAULT CAST(0 AS bigint);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203212444_ExtrasAndProduce'
)
BEGIN
    CREATE TABLE [ExtraStocks] (
        [ExtraId] uniqueidentifier NOT NULL,
        [Date] date NOT NULL,
        [SlotId] uniqueidentifier NOT NULL,
        [Taken] int NOT NULL,
        CONSTRAINT [PK_ExtraStocks] PRIMARY KEY ([ExtraId], [SlotId], [Date])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203212444_ExtrasAndProduce'
)
BEGIN
    CREATE TABLE [ProduceDays] (
        [OfferingId] uniqueidentifier NOT NULL,
        [Date] date NOT NULL,
        [ProduceId] uniqueidentifier NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [Unit] int NOT NULL,
        [QuantityThousandths] bigint NOT NULL,
        [Revenue] bigint NOT NULL,
        CONSTRAINT [PK_ProduceDays] PRIMARY KEY ([OfferingId], [Date], [ProduceId]),
        CONSTRAINT [FK_ProduceDays_Offerings_OfferingId] FOREIGN KEY ([OfferingId]) REFERENCES [Offerings] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203212444_ExtrasAndProduce'
)
BEGIN
    CREATE TABLE [WeighOuts] (
        [Id] uniqueidentifier NOT NULL,
        [BookingId] uniqueidentifier NOT NULL,
        [OfferingId] uniqueidentifier NOT NULL,
        [VenueId] uniqueidentifier NOT NULL,
        [Date] date NOT NULL,
        [Total] bigint NOT NULL,
        [Collect] int NOT NULL,
        [Status] int NOT NULL,
        [PaymentIntentId] nvarchar(255) NULL,
        [PaymentClientSecret] nvarchar(255) NULL,
        [RefundStatus] int NOT NULL,
        [CreatedBy] uniqueidentifier NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [VoidedAt] datetimeoffset NULL,
        [VoidedBy] uniqueidentifier NULL,
        [Lines] nvarchar(max) NULL,
        CONSTRAINT [PK_WeighOuts] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_WeighOuts_Bookings_BookingId] FOREIGN KEY ([BookingId]) REFERENCES [Bookings] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_WeighOuts_Offerings_OfferingId] FOREIGN KEY ([OfferingId]) REFERENCES [Offerings] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203212444_ExtrasAndProduce'
)
BEGIN
    UPDATE Offerings SET Extras = '[]', Produce = '[]'
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203212444_ExtrasAndProduce'
)
BEGIN
    CREATE INDEX [IX_ProduceDays_Date] ON [ProduceDays] ([Date]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203212444_ExtrasAndProduce'
)
BEGIN
    CREATE INDEX [IX_WeighOuts_BookingId_CreatedAt] ON [WeighOuts] ([BookingId], [CreatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203212444_ExtrasAndProduce'
)
BEGIN
    CREATE INDEX [IX_WeighOuts_OfferingId] ON [WeighOuts] ([OfferingId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203212444_ExtrasAndProduce'
)
BEGIN
    CREATE INDEX [IX_WeighOuts_PaymentIntentId] ON [WeighOuts] ([PaymentIntentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203212444_ExtrasAndProduce'
)
BEGIN
    CREATE INDEX [IX_WeighOuts_VenueId_Date] ON [WeighOuts] ([VenueId], [Date]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203212444_ExtrasAndProduce'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261203212444_ExtrasAndProduce', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206035146_TodayCrowdLevels'
)
BEGIN
    ALTER TABLE [Venues] ADD [CrowdBusy] decimal(4,3) NOT NULL DEFAULT 0.6;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206035146_TodayCrowdLevels'
)
BEGIN
    ALTER TABLE [Venues] ADD [CrowdCrowded] decimal(4,3) NOT NULL DEFAULT 0.85;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206035146_TodayCrowdLevels'
)
BEGIN
    ALTER TABLE [OfferingDays] ADD [ToCome] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206035146_TodayCrowdLevels'
)
BEGIN
    EXEC(N'UPDATE OfferingDays SET ToCome = COALESCE((
        SELECT SUM(b.Adults + b.Children) FROM Bookings b
        WHERE b.OfferingId = OfferingDays.OfferingId AND b.Status = 1
          AND b.Date <= OfferingDays.Date AND OfferingDays.Date < b.EndDate), 0)')
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206035146_TodayCrowdLevels'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206035146_TodayCrowdLevels', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206045521_VenueDaysByDate'
)
BEGIN
    CREATE INDEX [IX_VenueDays_Date] ON [VenueDays] ([Date]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206045521_VenueDaysByDate'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206045521_VenueDaysByDate', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206074736_PhotosSeasonsReviews'
)
BEGIN
    ALTER TABLE [Venues] ADD [DescriptionEn] nvarchar(4000) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206074736_PhotosSeasonsReviews'
)
BEGIN
    ALTER TABLE [Offerings] ADD [DescriptionEn] nvarchar(4000) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206074736_PhotosSeasonsReviews'
)
BEGIN
    ALTER TABLE [Offerings] ADD [RatingCount] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206074736_PhotosSeasonsReviews'
)
BEGIN
    ALTER TABLE [Offerings] ADD [RatingSum] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206074736_PhotosSeasonsReviews'
)
BEGIN
    ALTER TABLE [Offerings] ADD [SeasonNote] nvarchar(200) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206074736_PhotosSeasonsReviews'
)
BEGIN
    ALTER TABLE [Offerings] ADD [SeasonNoteEn] nvarchar(200) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206074736_PhotosSeasonsReviews'
)
BEGIN
    ALTER TABLE [Offerings] ADD [SeasonStatus] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206074736_PhotosSeasonsReviews'
)
BEGIN
    ALTER TABLE [Offerings] ADD [SeasonUpdatedAt] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206074736_PhotosSeasonsReviews'
)
BEGIN
    CREATE TABLE [Photos] (
        [Id] uniqueidentifier NOT NULL,
        [VenueId] uniqueidentifier NOT NULL,
        [OfferingId] uniqueidentifier NULL,
        [Width] int NOT NULL,
        [Height] int NOT NULL,
        [UploadedBy] uniqueidentifier NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_Photos] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Photos_Offerings_OfferingId] FOREIGN KEY ([OfferingId]) REFERENCES [Offerings] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Photos_Users_UploadedBy] FOREIGN KEY ([UploadedBy]) REFERENCES [Users] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Photos_Venues_VenueId] FOREIGN KEY ([VenueId]) REFERENCES [Venues] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206074736_PhotosSeasonsReviews'
)
BEGIN
    CREATE TABLE [Reviews] (
        [Id] uniqueidentifier NOT NULL,
        [BookingId] uniqueidentifier NOT NULL,
        [OfferingId] uniqueidentifier NOT NULL,
        [VenueId] uniqueidentifier NOT NULL,
        [TouristId] uniqueidentifier NOT NULL,
        [Rating] int NOT NULL,
        [Text] nvarchar(1000) NOT NULL,
        [AuthorName] nvarchar(100) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [Reply] nvarchar(1000) NULL,
        [RepliedAt] datetimeoffset NULL,
        [HiddenAt] datetimeoffset NULL,
        [HiddenBy] uniqueidentifier NULL,
        [HiddenReason] nvarchar(500) NULL,
        CONSTRAINT [PK_Reviews] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Reviews_Bookings_BookingId] FOREIGN KEY ([BookingId]) REFERENCES [Bookings] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Reviews_Offerings_OfferingId] FOREIGN KEY ([OfferingId]) REFERENCES [Offerings] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Reviews_Users_TouristId] FOREIGN KEY ([TouristId]) REFERENCES [Users] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206074736_PhotosSeasonsReviews'
)
BEGIN
    CREATE INDEX [IX_Photos_OfferingId_CreatedAt] ON [Photos] ([OfferingId], [CreatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206074736_PhotosSeasonsReviews'
)
BEGIN
    CREATE INDEX [IX_Photos_UploadedBy] ON [Photos] ([UploadedBy]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206074736_PhotosSeasonsReviews'
)
BEGIN
    CREATE INDEX [IX_Photos_VenueId_OfferingId_CreatedAt] ON [Photos] ([VenueId], [OfferingId], [CreatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206074736_PhotosSeasonsReviews'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Reviews_BookingId] ON [Reviews] ([BookingId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206074736_PhotosSeasonsReviews'
)
BEGIN
    CREATE INDEX [IX_Reviews_OfferingId_HiddenAt_CreatedAt] ON [Reviews] ([OfferingId], [HiddenAt], [CreatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206074736_PhotosSeasonsReviews'
)
BEGIN
    CREATE INDEX [IX_Reviews_TouristId] ON [Reviews] ([TouristId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206074736_PhotosSeasonsReviews'
)
BEGIN
    CREATE INDEX [IX_Reviews_VenueId_CreatedAt] ON [Reviews] ([VenueId], [CreatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206074736_PhotosSeasonsReviews'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206074736_PhotosSeasonsReviews', N'10.0.15');
END;

COMMIT;
GO

