package cn.mashang.standard;

import cn.mashang.common.ApiException;
import cn.mashang.common.Times;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The request bodies of station standards; {@code check()} refuses a missing or malformed field with 400 naming it. */
final class StandardBodies {
    private StandardBodies() {
    }

    static void versionGiven(@Nullable Long version) {
        if (version == null) {
            throw ApiException.badField("version", "请带上页面上的版本号（version；未填的项为 0）");
        }
    }

    /** The review year: the given one (this year or earlier, not before 2020), else this year. */
    static int year(@Nullable Integer year) {
        int now = LocalDate.now(Times.ZONE).getYear();
        if (year == null) {
            return now;
        }
        if (year < 2020 || year > now) {
            throw ApiException.badField("year", "年度应在 2020 到 " + now + " 之间");
        }
        return year;
    }

    /** One item of a region's checklist: with the id of an own item to keep (rename, reorder), without to add. */
    @Serdeable
    record ChecklistItem(@Nullable Long id, @Schema(example = "有场所") @Nullable String name,
                         @Schema(example = "固定用房不少于30平方米，统一名称标牌") @Nullable String hint) {
    }

    /** A region's whole checklist, in order; own items left out are retired (an empty list inherits again). */
    @Serdeable
    record Checklist(@Nullable Long version, @Nullable List<ChecklistItem> items) {
        void check() {
            versionGiven(version);
            if (items == null || items.size() > Checklists.MAX_ITEMS) {
                throw ApiException.badField("items", "请列出 0 到 " + Checklists.MAX_ITEMS + " 个检查项（空表示沿用上级清单）");
            }
            Set<String> names = new HashSet<>();
            for (int i = 0; i < items.size(); i++) {
                ChecklistItem it = items.get(i);
                if (it == null) {
                    throw ApiException.badField("items[" + i + "]", "检查项不能为空");
                }
                String name = it.name() == null ? "" : it.name().strip();
                if (name.isEmpty() || name.length() > 32) {
                    throw ApiException.badField("items[" + i + "].name", "请填写检查项名称（不超过 32 字）");
                }
                if (!names.add(name)) {
                    throw ApiException.badField("items[" + i + "].name", "检查项名称重复：" + name);
                }
                if (it.hint() != null && it.hint().length() > 200) {
                    throw ApiException.badField("items[" + i + "].hint", "说明不能超过 200 字");
                }
            }
        }
    }

    /** A head's evidence: text and/or a photo (an uploadId from POST /api/v1/uploads); resubmits keep the photo. */
    @Serdeable
    record Evidence(@Nullable Long version, @Nullable Integer year,
                    @Schema(example = "站内固定用房60平方米，门口挂统一标牌") @Nullable String evidence,
                    @Nullable String photoId, @Nullable Boolean removePhoto) {
        void check() {
            versionGiven(version);
            if (evidence != null && evidence.length() > 2000) {
                throw ApiException.badField("evidence", "不能超过 2000 字");
            }
            if (photoId != null && (photoId.isBlank() || photoId.length() > 48)) {
                throw ApiException.badField("photoId", "图片编号无效，请重新上传");
            }
        }
    }

    enum Decision {
        PASS, RETURN
    }

    /** The committee's review: 通过 (PASS) or 退回 (RETURN, with a note saying what is missing). */
    @Serdeable
    record Review(@Nullable Long version, @Nullable Integer year,
                  @Schema(nullable = false, description = "PASS 通过 / RETURN 退回") @Nullable Decision decision,
                  @Schema(example = "请补充活动记录的照片") @Nullable String note) {
        void check() {
            versionGiven(version);
            if (decision == null) {
                throw ApiException.badField("decision", "请选择 PASS（通过）或 RETURN（退回）");
            }
            if (decision == Decision.RETURN && (note == null || note.isBlank())) {
                throw ApiException.badField("note", "退回时请写明需要补充的内容");
            }
            if (note != null && note.length() > 500) {
                throw ApiException.badField("note", "不能超过 500 字");
            }
        }
    }
}
