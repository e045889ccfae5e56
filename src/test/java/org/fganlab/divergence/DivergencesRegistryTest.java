package org.fganlab.divergence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DivergencesRegistryTest {

    @Test
    void namedListsTheNineInOrder() {
        List<String> names = Divergences.named().stream().map(FDivergence::name).collect(Collectors.toList());
        assertEquals(List.of("tv", "kl", "reverse-kl", "pearson", "neyman", "hellinger", "jeffrey", "js", "gan"),
                names);
    }

    @Test
    void allAddsTwoAlphas() {
        List<String> names = Divergences.all().stream().map(FDivergence::name).collect(Collectors.toList());
        assertEquals(11, names.size());
        assertEquals(List.of("alpha:0.5", "alpha:2"), names.subList(9, 11));
        assertEquals(Divergences.named(), Divergences.all().subList(0, 9));
        assertThrows(UnsupportedOperationException.class, () -> Divergences.all().add(new KullbackLeibler()));
    }

    @Test
    void everyRegisteredNameRoundTrips() {
        for (FDivergence f : Divergences.all()) {
            assertEquals(f, Divergences.byName(f.name()));
            assertEquals(f, Divergences.byName(f.name().toUpperCase(java.util.Locale.ROOT)));
            assertFalse(f.displayName().isBlank());
        }
    }

    @Test
    void aliasesAndCase() {
        assertInstanceOf(ReverseKullbackLeibler.class, Divergences.byName("rkl"));
        assertInstanceOf(ReverseKullbackLeibler.class, Divergences.byName("RKL"));
        assertInstanceOf(ReverseKullbackLeibler.class, Divergences.byName("Reverse-KL"));
        assertInstanceOf(KullbackLeibler.class, Divergences.byName("  Kl "));
        assertInstanceOf(SquaredHellinger.class, Divergences.byName("HELLINGER"));
        assertInstanceOf(JensenShannon.class, Divergences.byName("js"));
        assertInstanceOf(GanDivergence.class, Divergences.byName("Gan"));
    }

    @Test
    void alphaParsing() {
        assertEquals(new AmariAlpha(2.0), Divergences.byName("alpha:2"));
        assertEquals(new AmariAlpha(0.5), Divergences.byName("ALPHA:0.5"));
        assertEquals(new AmariAlpha(-1.0), Divergences.byName("alpha:-1"));
        assertEquals(new AmariAlpha(0.25), Divergences.byName("alpha:.25"));
        assertEquals(new AmariAlpha(1e-5), Divergences.byName("alpha:1e-5"));
        assertEquals("alpha:0.00001", Divergences.byName("alpha:1e-5").name());
        assertEquals("alpha:2", Divergences.byName("alpha:2.000").name());
        assertEquals("alpha:-1", Divergences.byName("alpha:-1.0").name());
    }

    @Test
    void badAlphaIsRejectedNamingTheValue() {
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class, () -> Divergences.byName("alpha:1"));
        assertTrue(one.getMessage().contains("1.0") && one.getMessage().contains("other than 0 and 1"), one.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> Divergences.byName("alpha:0.0"));
        assertTrue(zero.getMessage().contains("0.0"), zero.getMessage());
        for (String bad : new String[] {"alpha:", "alpha:abc", "alpha:NaN", "alpha:Infinity", "alpha:2f", "alpha:0x1p1"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Divergences.byName(bad));
            assertFalse(e instanceof UnknownDivergenceException, bad);
            assertTrue(e.getMessage().contains("other than 0 and 1"), e.getMessage());
        }
        IllegalArgumentException huge = assertThrows(IllegalArgumentException.class,
                () -> Divergences.byName("alpha:1e400"));
        assertTrue(huge.getMessage().contains("Infinity"), huge.getMessage());
    }

    @Test
    void unknownNameListsAcceptedNames() {
        UnknownDivergenceException e = assertThrows(UnknownDivergenceException.class,
                () -> Divergences.byName("wasserstein"));
        assertEquals("wasserstein", e.rejectedName());
        assertTrue(e.getMessage().contains("'wasserstein'"), e.getMessage());
        for (String name : Divergences.acceptedNames()) {
            assertTrue(e.getMessage().contains(name), e.getMessage() + " lacks " + name);
        }
        assertInstanceOf(IllegalArgumentException.class, e);
        assertThrows(UnknownDivergenceException.class, () -> Divergences.byName(""));
        assertThrows(UnknownDivergenceException.class, () -> Divergences.byName("k l"));
        assertThrows(NullPointerException.class, () -> Divergences.byName(null));
    }

    @Test
    void acceptedNames() {
        assertEquals(List.of("tv", "kl", "reverse-kl", "rkl", "pearson", "neyman", "hellinger", "jeffrey", "js",
                "gan", "alpha:A"), Divergences.acceptedNames());
    }
}
