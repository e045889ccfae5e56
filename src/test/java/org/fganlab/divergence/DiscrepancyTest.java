package org.fganlab.divergence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class DiscrepancyTest {

    @Test
    void w1IsTheDistanceInAnyCase() {
        assertEquals(new Discrepancy.W1(), Discrepancy.parse("w1"));
        assertEquals(new Discrepancy.W1(), Discrepancy.parse(" W1 "));
        assertEquals("w1", Discrepancy.parse("w1").name());
    }

    @Test
    void registeredNamesAndAliasesAreTheirFDivergence() {
        assertEquals(new Discrepancy.F(new KullbackLeibler()), Discrepancy.parse("KL"));
        assertEquals(new Discrepancy.F(new ReverseKullbackLeibler()), Discrepancy.parse("rkl"));
        assertEquals("reverse-kl", Discrepancy.parse("rkl").name());
        assertEquals(new Discrepancy.F(new AmariAlpha(0.5)), Discrepancy.parse("alpha:0.5"));
        for (FDivergence f : Divergences.all()) {
            assertEquals(new Discrepancy.F(f), Discrepancy.parse(f.name()));
        }
    }

    @Test
    void anUnknownNameListsEveryAcceptedNameW1Included() {
        UnknownDivergenceException e = assertThrows(UnknownDivergenceException.class, () -> Discrepancy.parse("w2"));
        assertEquals("w2", e.rejectedName());
        assertEquals("unknown divergence 'w2'; accepted (case-insensitive): tv, kl, reverse-kl, rkl, pearson,"
                + " neyman, hellinger, jeffrey, js, gan, w1, alpha:A (A: a finite real other than 0 and 1,"
                + " e.g. alpha:0.5)", e.getMessage());
        assertEquals(List.of("tv", "kl", "reverse-kl", "rkl", "pearson", "neyman", "hellinger", "jeffrey", "js",
                "gan", "w1", "alpha:A"), Discrepancy.acceptedNames());
    }

    @Test
    void aBadAlphaKeepsItsOwnMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Discrepancy.parse("alpha:1"));
        assertFalse(e instanceof UnknownDivergenceException);
        assertEquals(assertThrows(IllegalArgumentException.class, () -> Divergences.byName("alpha:1")).getMessage(),
                e.getMessage());
    }

    @Test
    void divergencesKeepsTheFDivergencesInOrder() {
        List<Discrepancy> ds = List.of(Discrepancy.parse("js"), Discrepancy.parse("w1"), Discrepancy.parse("tv"));
        assertEquals(List.of(new JensenShannon(), new TotalVariation()), Discrepancy.divergences(ds));
        assertEquals(List.of(), Discrepancy.divergences(List.of(new Discrepancy.W1())));
    }
}
