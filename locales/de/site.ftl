# Interface strings of the Bielefeld site (German); they override the theme.
site-title = Wir fördern Integration!
