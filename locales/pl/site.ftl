# Interface strings of the Bielefeld site (Polish).
site-title = Wspieramy integrację!
