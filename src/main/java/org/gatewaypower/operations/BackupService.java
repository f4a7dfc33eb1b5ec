package org.gatewaypower.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import javax.sql.DataSource;

import org.gatewaypower.security.AccountService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The administrators' online backup of the embedded H2 database: H2's {@code BACKUP TO} writes the database
 * file into a zip while the application keeps running (nothing is locked; H2 copies its transaction log with
 * it, so the copy is transactionally consistent). The zip goes to {@code gateway.backup-dir} under a name with
 * its UTC time ({@code gateway-power-20261203-142501Z.zip}). Restoring is unzipping it into an empty data
 * directory (README, Operations).
 *
 * <p>PostgreSQL is refused with a pointer to {@code pg_dump}: its own tools do this better, and the database
 * server, not the application, owns the files. An in-memory H2 database (tests) is refused too: it has no file.
 */
@Service
public class BackupService {

    /** A written backup: its file name in the backup directory, its size (bytes) and when it was taken. */
    public record Backup(String fileName, long sizeBytes, Instant createdAt) {
    }

    private static final Logger log = LoggerFactory.getLogger(BackupService.class);
    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final DataSource dataSource;
    private final AccountService accounts;
    private final Clock clock;
    private final Path directory;

    BackupService(DataSource dataSource, AccountService accounts, Clock clock,
                  @Value("${gateway.backup-dir}") Path directory) {
        this.dataSource = dataSource;
        this.accounts = accounts;
        this.clock = clock;
        this.directory = directory.toAbsolutePath().normalize();
    }

    /** Where backups are written. */
    public Path directory() {
        return directory;
    }

    /**
     * Backs the embedded database up now. One backup at a time on this node (a second waits).
     *
     * @param actor who asks: must be an administrator (403 otherwise)
     * @throws IllegalStateException on PostgreSQL or an in-memory database (409), naming what to do instead
     */
    public synchronized Backup backUp(String actor) {
        accounts.requireAdministrator(actor, "back up the database");
        try (Connection c = dataSource.getConnection()) {
            requireEmbeddedFile(c.getMetaData());
            Files.createDirectories(directory);
            Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            Path target = freeName(now);
            // H2 writes the zip under a temporary name that is then renamed, so a backup cut off half-way
            // never lies in the directory under a backup's name.
            Path partial = directory.resolve(target.getFileName() + ".part");
            try (Statement s = c.createStatement()) {
                s.execute("BACKUP TO '" + partial.toString().replace("'", "''") + "'");
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            Backup backup = new Backup(target.getFileName().toString(), Files.size(target), now);
            log.info("Database backup {} written ({} bytes) by {}", target, backup.sizeBytes(), actor);
            return backup;
        } catch (SQLException e) {
            throw new IllegalStateException("The backup failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("The backup could not be written to " + directory + ": " + e.getMessage(),
                    e);
        }
    }

    private static void requireEmbeddedFile(DatabaseMetaData db) throws SQLException {
        String product = db.getDatabaseProductName();
        if (!"H2".equals(product)) {
            throw new IllegalStateException("This server runs on " + product + ", whose own tools back it up: use "
                    + "pg_dump -Fc (and pg_restore to restore) as the README's Operations section shows");
        }
        if (db.getURL().startsWith("jdbc:h2:mem:")) {
            throw new IllegalStateException("The database is in memory: there is no database file to back up");
        }
    }

    /** The backup's file for this time, with a counter when one of the same second exists. */
    private Path freeName(Instant now) {
        String stem = "gateway-power-" + NAME_TIME.format(now);
        Path p = directory.resolve(stem + ".zip");
        for (int i = 2; Files.exists(p); i++) {
            p = directory.resolve(stem + "-" + i + ".zip");
        }
        return p;
    }
}
