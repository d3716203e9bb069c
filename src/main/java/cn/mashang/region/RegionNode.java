package cn.mashang.region;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

@Serdeable
public record RegionNode(Long id, Long parentId, String name, RegionLevel level, String divisionCode,
                         List<RegionNode> children) {
}
