package org.fganlab.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.fganlab.density.Normal;
import org.fganlab.divergence.Discrepancy;
import org.fganlab.divergence.Divergences;
import org.fganlab.divergence.KullbackLeibler;
import org.junit.jupiter.api.Test;

class DivergenceValuesTest {

    private static final Normal P = new Normal(0, 1);
    private static final Normal Q = new Normal(1, 1);

    /** KL(N(0,1)‖N(1,1)) = (μ_P − μ_Q)²/2 = 1/2 nats; W1 between two shifts = |Δμ| = 1. */
    @Test
    void valueDispatchesToTheDivergenceOrTheDistance() {
        ExactDivergence exact = ExactDivergence.standard();
        assertEquals(0.5, exact.value(Discrepancy.parse("kl"), P, Q).value(), 1e-14);
        assertEquals(1.0, exact.value(Discrepancy.parse("w1"), P, Q).value(), 1e-14);
        assertEquals(exact.divergence(new KullbackLeibler(), P, Q), exact.value(Discrepancy.parse("kl"), P, Q));
        assertEquals(exact.wasserstein1(P, Q), exact.value(new Discrepancy.W1(), P, Q));
    }

    @Test
    void bothFormsGiveTheSameEntriesInTheSameOrder() {
        ExactDivergence exact = ExactDivergence.standard();
        List<DivergenceValues.Entry> a = DivergenceValues.compute(exact, P, Q, Divergences.all(), true);
        List<Discrepancy> ds = new ArrayList<>();
        Divergences.all().forEach(f -> ds.add(new Discrepancy.F(f)));
        ds.add(new Discrepancy.W1());
        List<DivergenceValues.Entry> b = DivergenceValues.compute(exact, P, Q, ds);
        assertEquals(a.stream().map(DivergenceValues.Entry::name).toList(), b.stream().map(DivergenceValues.Entry::name).toList());
        assertEquals(a.stream().map(DivergenceValues.Entry::result).toList(), b.stream().map(DivergenceValues.Entry::result).toList());
        assertEquals("w1", b.get(b.size() - 1).name());
    }
}
