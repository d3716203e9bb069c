package cn.mashang.standard;

import cn.mashang.common.ApiException;
import cn.mashang.common.Times;
import cn.mashang.region.Region;
import cn.mashang.region.RegionService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checklists (V111): a region's own items, and the checklist in force for a region — that of the nearest region
 * on its path with active items (its own, else its county's, city's, province's), else the deployment's default
 * ({@code region_id} NULL), like categories and SLA rules (docs/province.md). Replacing a region's list renames,
 * adds, reorders and retires items in one guarded write; retired items keep their evidence.
 */
@Singleton
class Checklists {
    /** The key of the deployment's default list in {@link #active()}. */
    static final long DEFAULT = 0L;
    static final int MAX_ITEMS = 30;
    private final JdbcOperations jdbc;
    private final RegionService regions;

    Checklists(JdbcOperations jdbc, RegionService regions) {
        this.jdbc = jdbc;
        this.regions = regions;
    }

    record Item(long id, @Nullable Long regionId, String name, @Nullable String hint, int sortOrder, boolean active,
                @Nullable Instant retiredAt) {
    }

    /** The list in force: the region that defines it (null: the deployment's default) and its active items. */
    record InForce(@Nullable Long regionId, List<Item> items) {
    }

    /** Every active item by defining region ({@link #DEFAULT} for the default list), in order. */
    @Transactional(readOnly = true)
    Map<Long, List<Item>> active() {
        Map<Long, List<Item>> out = new LinkedHashMap<>();
        for (Item i : items("WHERE active = TRUE", List.of())) {
            out.computeIfAbsent(i.regionId() == null ? DEFAULT : i.regionId(), k -> new ArrayList<>()).add(i);
        }
        return out;
    }

    /** The list in force at the region with this materialised path, from {@link #active()}. */
    static InForce inForce(String path, Map<Long, List<Item>> active) {
        List<Long> ids = Arrays.stream(path.split("/")).filter(p -> !p.isEmpty()).map(Long::valueOf).toList();
        for (int i = ids.size() - 1; i >= 0; i--) {
            List<Item> own = active.get(ids.get(i));
            if (own != null) {
                return new InForce(ids.get(i), own);
            }
        }
        return new InForce(null, active.getOrDefault(DEFAULT, List.of()));
    }

    @Transactional(readOnly = true)
    InForce inForce(Region region) {
        return inForce(region.path(), active());
    }

    /** A region's own items, active and retired, in order. */
    List<Item> own(long regionId) {
        return items("WHERE region_id = ?", List.of(regionId));
    }

    long version(long regionId) {
        return jdbc.prepareStatement("SELECT version FROM standard_checklist WHERE region_id = ?", ps -> {
            ps.setLong(1, regionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /** Replaces the region's own list by the body's (named ids kept and renamed, new ones added, the rest retired). */
    @Transactional
    void replace(long regionId, StandardBodies.Checklist body, @Nullable Long accountId) {
        body.check();
        long current = version(regionId);
        if (body.version() != current) {
            throw stale(current);
        }
        Instant now = Times.now();
        int bumped = current == 0
                ? update("INSERT INTO standard_checklist (region_id, version, updated_by, updated_at) SELECT ?, 1, ?, ? "
                        + "FROM region WHERE id = ? AND NOT EXISTS (SELECT 1 FROM standard_checklist WHERE region_id = ?)",
                        regionId, accountId, Timestamp.from(now), regionId, regionId)
                : update("UPDATE standard_checklist SET version = version + 1, updated_by = ?, updated_at = ? "
                        + "WHERE region_id = ? AND version = ?", accountId, Timestamp.from(now), regionId, current);
        if (bumped != 1) {
            throw stale(version(regionId));
        }
        Set<Long> mine = new HashSet<>(own(regionId).stream().map(Item::id).toList());
        Set<Long> kept = new HashSet<>();
        List<StandardBodies.ChecklistItem> items = body.items();
        for (int i = 0; i < items.size(); i++) {
            var it = items.get(i);
            String name = it.name().strip();
            String hint = it.hint() == null || it.hint().isBlank() ? null : it.hint().strip();
            if (it.id() == null) {
                update("INSERT INTO standard_item (region_id, name, hint, sort_order, active, created_at) "
                        + "VALUES (?, ?, ?, ?, TRUE, ?)", regionId, name, hint, i + 1, Timestamp.from(now));
            } else if (mine.contains(it.id())) {
                kept.add(it.id());
                update("UPDATE standard_item SET name = ?, hint = ?, sort_order = ?, active = TRUE, retired_at = NULL "
                        + "WHERE id = ?", name, hint, i + 1, it.id());
            } else {
                throw ApiException.badField("items[" + i + "].id", "不是本地区清单的检查项（新增项不带 id）");
            }
        }
        for (Long id : mine) {
            if (!kept.contains(id)) {
                update("UPDATE standard_item SET active = FALSE, retired_at = ? WHERE id = ? AND active = TRUE",
                        Timestamp.from(now), id);
            }
        }
    }

    private static ApiException stale(long current) {
        return new ApiException(HttpStatus.CONFLICT, "清单已被他人更新", "本地区的达标清单刚被其他人修改过，请刷新后再保存",
                Map.of("currentVersion", current));
    }

    private List<Item> items(String where, List<Object> args) {
        return jdbc.prepareStatement("SELECT id, region_id, name, hint, sort_order, active, retired_at FROM standard_item "
                + where + " ORDER BY sort_order, id", ps -> {
            bind(ps, args.toArray());
            List<Item> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long region = rs.getLong(2);
                    Long regionId = rs.wasNull() ? null : region;
                    Timestamp retired = rs.getTimestamp(7);
                    out.add(new Item(rs.getLong(1), regionId, rs.getString(3), rs.getString(4), rs.getInt(5),
                            rs.getBoolean(6), retired == null ? null : retired.toInstant()));
                }
            }
            return out;
        });
    }

    private int update(String sql, Object... args) {
        return jdbc.prepareStatement(sql, ps -> {
            bind(ps, args);
            return ps.executeUpdate();
        });
    }

    static void bind(java.sql.PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
    }

    /** The region's checklist: its own items (and retired ones), or the list it inherits. */
    @Transactional(readOnly = true)
    StandardViews.Checklist view(long regionId) {
        Region region = regions.get(regionId);
        InForce in = inForce(region);
        List<Item> own = own(regionId);
        return new StandardViews.Checklist(regionId, region.name(), Long.valueOf(regionId).equals(in.regionId()),
                in.regionId(), listName(in.regionId()),
                version(regionId), in.items().stream().map(i -> new StandardViews.ChecklistItem(i.id(), i.name(), i.hint(),
                        i.sortOrder())).toList(),
                own.stream().filter(i -> !i.active()).map(i -> new StandardViews.RetiredItem(i.id(), i.name(),
                        i.retiredAt() == null ? null : Times.show(i.retiredAt()))).toList());
    }

    /** The name of a list in force: the defining region's, or the default's. */
    String listName(@Nullable Long regionId) {
        return regionId == null ? "默认清单（五有）" : regions.get(regionId).name() + "清单";
    }
}
