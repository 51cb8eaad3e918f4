"""Documented conduct in this war and the Rome Statute provisions it may fall under."""

from __future__ import annotations

import pandas as pd

# Documented conduct and the Rome Statute provisions it may fall under. Each entry names the
# contextual element that must also be proved; the provisions are the Statute's own wording.
CONDUCT_PROVISIONS: tuple[dict[str, str], ...] = (
    dict(
        conduct="Directing attacks against civilians or civilian objects",
        crime="war_crimes",
        provisions="Art. 8(2)(b)(i), 8(2)(b)(ii), 8(2)(b)(iv)",
        context="International armed conflict (Art. 8(2)(b))",
    ),
    dict(
        conduct="Killing or wounding soldiers who have surrendered",
        crime="war_crimes",
        provisions="Art. 8(2)(b)(vi); 8(2)(a)(i) once they are prisoners of war",
        context="International armed conflict",
    ),
    dict(
        conduct="Declaring that no quarter will be given",
        crime="war_crimes",
        provisions="Art. 8(2)(b)(xii)",
        context="International armed conflict",
    ),
    dict(
        conduct="Deportation or transfer of children from occupied territory",
        crime="war_crimes",
        provisions="Art. 8(2)(a)(vii), 8(2)(b)(viii)",
        context="International armed conflict; occupation",
    ),
    dict(
        conduct="Deportation or forcible transfer of population",
        crime="crimes_against_humanity",
        provisions="Art. 7(1)(d)",
        context="Widespread or systematic attack directed against a civilian population (Art. 7(1))",
    ),
    dict(
        conduct="Compelling prisoners of war or protected persons to serve in the forces of a hostile power",
        crime="war_crimes",
        provisions="Art. 8(2)(a)(v); 8(2)(b)(xv) for nationals of the hostile party",
        context="International armed conflict",
    ),
    dict(
        conduct="Enslavement, including trafficking in persons (e.g. deceptive recruitment into forced service)",
        crime="crimes_against_humanity",
        provisions="Art. 7(1)(c), 7(2)(c)",
        context="Widespread or systematic attack directed against a civilian population, pursuant to a State or organisational policy (Art. 7(2)(a))",
    ),
    dict(
        conduct="Conscripting or enlisting children under fifteen, or using them in hostilities",
        crime="war_crimes",
        provisions="Art. 8(2)(b)(xxvi)",
        context="International armed conflict",
    ),
    dict(
        conduct="Torture or inhuman treatment of prisoners",
        crime="war_crimes",
        provisions="Art. 8(2)(a)(ii); 7(1)(f) as a crime against humanity",
        context="International armed conflict / widespread or systematic attack",
    ),
    dict(
        conduct="Planning, preparing, initiating or executing the invasion of Ukraine",
        crime="aggression",
        provisions="Art. 8 bis(1), 8 bis(2)(a)-(g), 25(3 bis)",
        context="Act of aggression by a State, manifest violation of the UN Charter; leaders only",
    ),
)


def conduct_table() -> pd.DataFrame:
    """The documented-conduct map as a table for the notebook."""
    return pd.DataFrame(list(CONDUCT_PROVISIONS), columns=["conduct", "crime", "provisions", "context"])
