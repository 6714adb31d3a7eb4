package io.sslkit.handshake.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RenegotiationBudgetTest {
    @Test
    void budgetIsASlidingMinute() {
        long[] now = {0};
        RenegotiationBudget budget = new RenegotiationBudget(2, () -> now[0]);
        assertTrue(budget.tryStart());
        now[0] = 30_000;
        assertTrue(budget.tryStart());
        assertFalse(budget.tryStart());
        now[0] = 59_999;
        assertFalse(budget.tryStart(), "the first start is still inside the minute");
        now[0] = 60_000;
        assertTrue(budget.tryStart(), "the first start has left the window");
        assertFalse(budget.tryStart());
    }

    @Test
    void zeroMeansNone() {
        assertFalse(new RenegotiationBudget(0, () -> 0).tryStart());
    }
}
