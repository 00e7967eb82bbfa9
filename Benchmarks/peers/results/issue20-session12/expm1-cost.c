/* The cost of mpfr_expm1, mpfr_log1p and mpfr_exp by argument size and precision (issue 20, session 12: the OMWU
 * map's small-argument series). Build: cc -O2 expm1-cost.c -o expm1-cost -lmpfr -lgmp. The last column is not a
 * meaningful figure (the loop keeps t at x), so it is left out of docs/benchmarks.md. */
#include <mpfr.h>
#include <stdio.h>
#include <time.h>
static double now(){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec+1e-9*t.tv_nsec;}
int main(){
  int precs[]={53,117,181,256,320};
  int exps[]={-5,-20,-50,-96,-150};
  for(int pi=0;pi<5;pi++){int p=precs[pi];
    for(int ei=0;ei<5;ei++){
      mpfr_t x,y,t; mpfr_inits2(p,x,y,(mpfr_ptr)0); mpfr_init2(t,p+64);
      mpfr_set_d(x,-0.7312,MPFR_RNDN); mpfr_mul_2si(x,x,exps[ei],MPFR_RNDN);
      int N=20000; double t0=now();
      for(int i=0;i<N;i++){ mpfr_expm1(y,x,MPFR_RNDN); mpfr_nextabove(x);}
      double te=(now()-t0)/N*1e9;
      t0=now();
      for(int i=0;i<N;i++){ mpfr_log1p(y,x,MPFR_RNDN); mpfr_nextabove(x);}
      double tl=(now()-t0)/N*1e9;
      t0=now();
      for(int i=0;i<N;i++){ mpfr_exp(y,x,MPFR_RNDN); mpfr_nextabove(x);}
      double tx=(now()-t0)/N*1e9;
      t0=now();
      for(int i=0;i<N;i++){ mpfr_mul(t,t,x,MPFR_RNDN); mpfr_add(t,t,x,MPFR_RNDN);}
      double tm=(now()-t0)/N*1e9;
      printf("p=%d e=%d expm1 %.0f ns log1p %.0f ns exp %.0f ns  mul+add(p+64) %.0f ns\n",p,exps[ei],te,tl,tx,tm);
      mpfr_clears(x,y,t,(mpfr_ptr)0);
    }}
}
