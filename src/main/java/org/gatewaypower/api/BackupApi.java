package org.gatewaypower.api;

import java.net.URI;
import java.security.Principal;

import org.gatewaypower.operations.BackupService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Online backup of the embedded database (administrators): 201 with the zip's file name and size; 403 for
 * others, 409 on PostgreSQL (use pg_dump) or an in-memory database.
 */
@RestController
class BackupApi {

    private final BackupService backups;

    BackupApi(BackupService backups) {
        this.backups = backups;
    }

    @PostMapping("/api/v1/admin/backups")
    ResponseEntity<BackupService.Backup> backUp(Principal principal) {
        BackupService.Backup b = backups.backUp(principal.getName());
        return ResponseEntity.created(URI.create("/api/v1/admin/backups/" + b.fileName())).body(b);
    }
}
