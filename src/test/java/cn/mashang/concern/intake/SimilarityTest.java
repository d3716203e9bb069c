package cn.mashang.concern.intake;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Near-duplicate folding's text measure (plain unit test). */
class SimilarityTest {
    @Test
    void nearDuplicateTextIsRecognisedAndDifferentTextIsNot() {
        assertTrue(Similarity.jaccard("小区东门的路灯坏了两个月", "小区东门的路灯坏了两个月！") >= 0.9);
        assertTrue(Similarity.jaccard("小区东门的路灯坏了两个月", "菜市场噪音太大影响休息") < 0.9);
    }
}
