package cn.mashang.region;

import cn.mashang.common.ApiException;
import cn.mashang.common.Times;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The region tree: lookup, "this region and below", and creation with a materialised path. */
@Singleton
public class RegionService {
    private final RegionRepository regions;

    RegionService(RegionRepository regions) {
        this.regions = regions;
    }

    public Region get(long id) {
        return regions.findById(id).orElseThrow(() -> ApiException.notFound("地区"));
    }

    /** The root of the tree: the province (or, in a single-city deployment, the city). */
    public long rootId() {
        return regions.findByActiveTrueOrderBySortOrder().stream().filter(r -> r.parentId() == null)
                .map(Region::id).min(Long::compare).orElseThrow(() -> ApiException.notFound("地区"));
    }

    @Transactional
    public Region create(Long parentId, String name, RegionLevel level, String divisionCode, int sortOrder) {
        Region parent = parentId == null ? null : get(parentId);
        var now = Times.now();
        Region saved = regions.save(new Region(null, parentId, name, level, divisionCode, "/", sortOrder, true, now, now));
        String path = (parent == null ? "/" : parent.path()) + saved.id() + "/";
        regions.updatePath(saved.id(), path);
        return saved.withPath(path);
    }

    /**
     * Places a root region (and its subtree) under a new parent: sets its parent and prefixes every path below
     * it with the parent's path, so "region and below" stays one path prefix. Ids do not change.
     */
    @Transactional
    public void placeUnder(long rootId, long parentId) {
        Region root = get(rootId);
        Region parent = get(parentId);
        if (root.parentId() != null || parent.within(root)) {
            throw ApiException.conflict("只能把顶级地区放到另一地区之下");
        }
        regions.prefixPaths(root.path() + "%", parent.path().substring(0, parent.path().length() - 1));
        regions.updateParent(rootId, parentId);
    }

    /** The active regions as a tree (roots first), each node with its children. */
    public List<RegionNode> tree() {
        Map<Long, RegionNode> nodes = new LinkedHashMap<>();
        for (Region r : regions.findByActiveTrueOrderBySortOrder()) {
            nodes.put(r.id(), new RegionNode(r.id(), r.parentId(), r.name(), r.level(), r.divisionCode(), new ArrayList<>()));
        }
        List<RegionNode> roots = new ArrayList<>();
        for (RegionNode n : nodes.values()) {
            RegionNode parent = n.parentId() == null ? null : nodes.get(n.parentId());
            if (parent == null) {
                roots.add(n);
            } else {
                parent.children().add(n);
            }
        }
        return roots;
    }
}
