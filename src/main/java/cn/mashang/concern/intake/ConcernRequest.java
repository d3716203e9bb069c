package cn.mashang.concern.intake;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import cn.mashang.location.LocationInput;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** A resident's submission (POST /api/v1/concerns). */
@Schema(example = """
        {"code": "zhan222222", "category": "生活环境", "content": "小区东门的路灯坏了两周，晚上很黑。", "address": "东门", \
        "contactName": "张三", "mobile": "13800000099", "photoIds": [], "consent": true, "notifyMe": true}""")
@Serdeable
@Introspected
public record ConcernRequest(
        @NotBlank(message = "请扫描联络站或代表的二维码") @Size(max = 24) String code,
        @NotBlank(message = "请选择分类") @Size(max = 32) String category,
        @NotBlank(message = "请填写反映的内容") @Size(min = 5, max = 2000, message = "内容应为 5 到 2000 字") String content,
        @Nullable @Size(max = 200, message = "地点不能超过 200 字") String address,
        @Nullable @Size(max = 32, message = "姓名不能超过 32 字") String contactName,
        @Nullable @Pattern(regexp = "^1[3-9]\\d{9}$", message = "请填写 11 位手机号码") String mobile,
        @Nullable @Size(max = 20, message = "图片过多") List<@NotBlank @Size(max = 48) String> photoIds,
        @Nullable Boolean consent,
        @Schema(description = "有进展时通知我：短信发到所留手机号 / opt in to progress messages (needs mobile)")
        @Nullable Boolean notifyMe,
        @Schema(nullable = false, description = "附上位置（选填，经群众同意）/ optional place, only after the resident's tap")
        @Nullable @Valid LocationInput location) {
}
