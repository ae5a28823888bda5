# Interface strings of the Bielefeld site (English).
site-title = We promote integration!
