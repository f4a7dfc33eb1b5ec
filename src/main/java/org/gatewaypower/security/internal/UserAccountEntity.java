package org.gatewaypower.security.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "app_user")
public class UserAccountEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String username;

    @Column(name = "display_name", nullable = false, length = 120)
    private String displayName;

    @Column(name = "password_hash", nullable = false, length = 200)
    private String passwordHash;

    @Column(name = "team_id")
    private Long teamId;

    @Column(nullable = false)
    private boolean admin;

    @Column(nullable = false)
    private boolean enabled = true;

    /** The OpenID Connect issuer of an account made by single sign-on; null for a local account. */
    @Column(name = "sso_issuer", length = 400)
    private String ssoIssuer;

    /** The provider's stable subject ({@code sub}) for that account; null for a local account. */
    @Column(name = "sso_subject", length = 255)
    private String ssoSubject;

    @Version
    private long version;

    protected UserAccountEntity() {
    }

    public UserAccountEntity(String username, String displayName, String passwordHash, Long teamId, boolean admin) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.teamId = teamId;
        this.admin = admin;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public Long getTeamId() {
        return teamId;
    }

    public boolean isAdmin() {
        return admin;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getSsoIssuer() {
        return ssoIssuer;
    }

    public String getSsoSubject() {
        return ssoSubject;
    }

    /** Links the account to the provider's subject that signs in to it. */
    public void linkSso(String issuer, String subject) {
        this.ssoIssuer = issuer;
        this.ssoSubject = subject;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public void setTeamId(Long teamId) {
        this.teamId = teamId;
    }

    public void setAdmin(boolean admin) {
        this.admin = admin;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }
}
