package cn.mashang.admin;

import cn.mashang.auth.Role;
import cn.mashang.department.Department;
import cn.mashang.deputy.Deputy;
import cn.mashang.deputy.DeputyLevel;
import cn.mashang.deputy.Membership;
import cn.mashang.deputy.MembershipRole;
import cn.mashang.region.Region;
import cn.mashang.region.RegionLevel;
import cn.mashang.station.Station;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Bodies of the admin API (/api/v1/admin/...) and the public-info edit of a station. */
final class AdminDtos {
    private AdminDtos() {
    }

    static final String PHONE = "^[0-9+\\-() ]{5,32}$";

    @Serdeable
    record RegionInput(@Nullable Long parentId, @NotBlank @Size(max = 64) String name,
                       @Schema(type = "string") @Nullable RegionLevel level,
                       @Nullable @Pattern(regexp = "^[0-9]{6,12}$") String divisionCode, @Nullable Integer sortOrder) {
    }

    @Serdeable
    record RegionView(long id, Long parentId, String name, RegionLevel level, String divisionCode, int sortOrder,
                      boolean active) {
        static RegionView of(Region r) {
            return new RegionView(r.id(), r.parentId(), r.name(), r.level(), r.divisionCode(), r.sortOrder(), r.active());
        }
    }

    @Serdeable
    record StationInput(@NotNull Long regionId, @NotBlank @Size(max = 128) String name,
                        @NotNull Station.StationKind kind, @NotNull Station.StationType type,
                        @Nullable @Size(max = 64) String industry, @NotBlank @Size(max = 255) String address,
                        @Nullable @Size(max = 4000) String introduction, @Nullable @Size(max = 255) String openingHours,
                        @Nullable @Size(max = 255) String receptionNote,
                        @Nullable @Pattern(regexp = PHONE) String publicPhone) {
    }

    /** What a station head may change: the public face of their station. */
    @Serdeable
    record PublicInfo(@NotBlank @Size(max = 255) String address, @Nullable @Size(max = 4000) String introduction,
                      @Nullable @Size(max = 255) String openingHours, @Nullable @Size(max = 255) String receptionNote,
                      @Nullable @Pattern(regexp = PHONE) String publicPhone) {
    }

    @Serdeable
    record StationView(long id, long regionId, String name, Station.StationKind kind, Station.StationType type,
                       String industry, String address, String introduction, String openingHours,
                       String receptionNote, String publicPhone, boolean active) {
        static StationView of(Station s) {
            return new StationView(s.id(), s.regionId(), s.name(), s.kind(), s.type(), s.industry(), s.address(),
                    s.introduction(), s.openingHours(), s.receptionNote(), s.publicPhone(), s.active());
        }
    }

    @Serdeable
    record DeputyInput(@NotBlank @Size(max = 64) String name, @Nullable @Pattern(regexp = "^(男|女)$") String gender,
                       @NotEmpty List<@NotNull DeputyLevel> levels, @Nullable @Size(max = 128) String unit,
                       @Nullable @Size(max = 64) String occupation, @Nullable @Size(max = 128) String constituency,
                       @Nullable @Pattern(regexp = PHONE) String publicPhone,
                       @Nullable @Email @Size(max = 128) String publicEmail, @Nullable @Size(max = 4000) String bio,
                       @NotNull Long regionId) {
    }

    @Serdeable
    record DeputyView(long id, String name, String gender, List<DeputyLevel> levels, String unit, String occupation,
                      String constituency, String publicPhone, String publicEmail, String bio, Long regionId,
                      boolean active) {
        static DeputyView of(Deputy d) {
            return new DeputyView(d.id(), d.name(), d.gender(), d.levelList(), d.unit(), d.occupation(),
                    d.constituency(), d.publicPhone(), d.publicEmail(), d.bio(), d.regionId(), d.active());
        }
    }

    @Serdeable
    record MembershipInput(@NotNull Long stationId, @NotNull Long deputyId,
                           @Schema(type = "string") @Nullable MembershipRole role,
                           @Nullable LocalDate joinedOn) {
    }

    @Serdeable
    record MembershipUpdate(@NotNull MembershipRole role) {
    }

    @Serdeable
    record MembershipView(long id, long stationId, long deputyId, MembershipRole role, String roleLabel, boolean active,
                          LocalDate joinedOn, LocalDate leftOn) {
        static MembershipView of(Membership m) {
            return new MembershipView(m.id(), m.stationId(), m.deputyId(), m.role(), m.role().label(), m.active(),
                    m.joinedOn(), m.leftOn());
        }
    }

    @Serdeable
    record DepartmentInput(@NotNull Long regionId, @NotBlank @Size(max = 128) String name,
                           @Nullable @Size(max = 64) String contactName,
                           @Nullable @Pattern(regexp = PHONE) String contactPhone) {
    }

    @Serdeable
    record DepartmentView(long id, long regionId, String name, String contactName, String contactPhone,
                          boolean active) {
        static DepartmentView of(Department d) {
            return new DepartmentView(d.id(), d.regionId(), d.name(), d.contactName(), d.contactPhone(), d.active());
        }
    }

    @Serdeable
    record AccountInput(@Nullable @Pattern(regexp = "^(?=.*[a-z])[a-z0-9][a-z0-9._-]{2,63}$", message = "须为3–64位小写字母、数字或 . _ -，且含字母")
                        String loginName,
                        @Nullable @Pattern(regexp = "^1[0-9]{10}$", message = "须为11位手机号") String mobile,
                        @NotBlank @Size(max = 64) String displayName,
                        @Nullable @Size(max = 128) String password,
                        @NotNull Role role, @Nullable Long deputyId, @Nullable Long stationId,
                        @Nullable Long regionId, @Nullable Long departmentId) {
    }

    @Serdeable
    record PasswordReset(@NotBlank @Size(max = 128) String password) {
    }

    @Serdeable
    record AccountView(long id, String loginName, String mobile, String displayName, Role role, Long deputyId,
                       Long stationId, Long regionId, Long departmentId, boolean active, Instant lastLoginAt) {
        static AccountView of(cn.mashang.auth.StaffAccount a) {
            return new AccountView(a.id(), a.loginName(), a.mobile(), a.displayName(), a.role(), a.deputyId(),
                    a.stationId(), a.regionId(), a.departmentId(), a.active(), a.lastLoginAt());
        }
    }
}
