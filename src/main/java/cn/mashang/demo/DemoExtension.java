package cn.mashang.demo;

/**
 * A feature's own demo data (accounts, sample concerns, …), loaded after the demo city in the
 * same transaction, only when the demo city itself is loaded.
 */
public interface DemoExtension {
    void load();
}
