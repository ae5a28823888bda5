# Interface strings of the Bielefeld site (Greek).
site-title = Προωθούμε την ένταξη!
