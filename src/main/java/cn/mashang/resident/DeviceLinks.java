package cn.mashang.resident;

import java.util.Set;

/**
 * Other devices of the same resident: a device signed into the same WeChat (cn.mashang.wechat) sees the concerns
 * of every device bound to that WeChat. Tracking asks every bean of this type; without one (WeChat not configured)
 * a device sees only its own concerns.
 */
public interface DeviceLinks {
    /** Device ids (as concern.resident_device_id) linked to this one, excluding or including it; never null. */
    Set<String> linked(String deviceId);
}
